/* @name UpsertTree */
-- Reuse or create the (customer, number) tree.
INSERT INTO trees (customer_id, tree_number) VALUES (:customerId!, :treeNumber!)
ON CONFLICT (customer_id, tree_number) DO UPDATE SET tree_number = EXCLUDED.tree_number
RETURNING id, tree_number;

/* @name InsertNextTree */
-- The customer's next number (max + 1, 1 for the first); call with the customer row locked.
INSERT INTO trees (customer_id, tree_number)
SELECT :customerId!, COALESCE(max(tree_number), 0) + 1 FROM trees WHERE customer_id = :customerId!
RETURNING id, tree_number;
