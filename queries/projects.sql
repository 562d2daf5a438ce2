/* @name ListProjects */
SELECT id, project_id, name, slug FROM projects ORDER BY name;

/* @name FindProjectByRef */
-- Resolved by public project_id first, then by slug (lower-cased ref).
SELECT id, project_id, name, slug
  FROM projects
 WHERE project_id = :ref! OR slug = lower(:ref!)
 ORDER BY (project_id = :ref!) DESC
 LIMIT 1;

/* @name FindProjectClash */
-- Another project already using this name or slug.
SELECT name, slug FROM projects
 WHERE (name = :name! OR slug = :slug!) AND id IS DISTINCT FROM :exceptId
 ORDER BY (name = :name!) DESC
 LIMIT 1;

/* @name InsertProject */
INSERT INTO projects (project_id, name, slug) VALUES (:projectId!, :name!, :slug!)
RETURNING id, project_id, name, slug;

/* @name UpdateProject */
UPDATE projects SET name = :name!, slug = :slug! WHERE id = :id!
RETURNING id, project_id, name, slug;
