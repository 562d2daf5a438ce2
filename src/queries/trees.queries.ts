/** Types generated for queries found in "queries/trees.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'UpsertTree' parameters type */
export interface IUpsertTreeParams {
  customerId: string;
  treeNumber: number;
}

/** 'UpsertTree' return type */
export interface IUpsertTreeResult {
  /** Internal key. */
  id: string;
  /** Positive number, unique within the customer. */
  tree_number: number;
}

/** 'UpsertTree' query type */
export interface IUpsertTreeQuery {
  params: IUpsertTreeParams;
  result: IUpsertTreeResult;
}

const upsertTreeIR: any = {"usedParamSet":{"customerId":true,"treeNumber":true},"params":[{"name":"customerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":101,"b":112}]},{"name":"treeNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":115,"b":126}]}],"statement":"-- Reuse or create the (customer, number) tree.\nINSERT INTO trees (customer_id, tree_number) VALUES (:customerId!, :treeNumber!)\nON CONFLICT (customer_id, tree_number) DO UPDATE SET tree_number = EXCLUDED.tree_number\nRETURNING id, tree_number"};

/**
 * Query generated from SQL:
 * ```
 * -- Reuse or create the (customer, number) tree.
 * INSERT INTO trees (customer_id, tree_number) VALUES (:customerId!, :treeNumber!)
 * ON CONFLICT (customer_id, tree_number) DO UPDATE SET tree_number = EXCLUDED.tree_number
 * RETURNING id, tree_number
 * ```
 */
export const upsertTree = new PreparedQuery<IUpsertTreeParams,IUpsertTreeResult>(upsertTreeIR);


/** 'InsertNextTree' parameters type */
export interface IInsertNextTreeParams {
  customerId: string;
}

/** 'InsertNextTree' return type */
export interface IInsertNextTreeResult {
  /** Internal key. */
  id: string;
  /** Positive number, unique within the customer. */
  tree_number: number;
}

/** 'InsertNextTree' query type */
export interface IInsertNextTreeQuery {
  params: IInsertNextTreeParams;
  result: IInsertNextTreeResult;
}

const insertNextTreeIR: any = {"usedParamSet":{"customerId":true},"params":[{"name":"customerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":145,"b":156},{"a":224,"b":235}]}],"statement":"-- The customer's next number (max + 1, 1 for the first); call with the customer row locked.\nINSERT INTO trees (customer_id, tree_number)\nSELECT :customerId!, COALESCE(max(tree_number), 0) + 1 FROM trees WHERE customer_id = :customerId!\nRETURNING id, tree_number"};

/**
 * Query generated from SQL:
 * ```
 * -- The customer's next number (max + 1, 1 for the first); call with the customer row locked.
 * INSERT INTO trees (customer_id, tree_number)
 * SELECT :customerId!, COALESCE(max(tree_number), 0) + 1 FROM trees WHERE customer_id = :customerId!
 * RETURNING id, tree_number
 * ```
 */
export const insertNextTree = new PreparedQuery<IInsertNextTreeParams,IInsertNextTreeResult>(insertNextTreeIR);


