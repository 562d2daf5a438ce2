/** Types generated for queries found in "queries/projects.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ListProjects' parameters type */
export type IListProjectsParams = void;

/** 'ListProjects' return type */
export interface IListProjectsResult {
  /** Internal key. */
  id: string;
  /** Display name, unique (the API calls it project). */
  name: string;
  /** Public id, project_<12 hex> when the server makes it (imports may carry other project_<name> ids); shown by the API as project_id. */
  project_id: string;
  /** URL-safe lower-case name, unique (the API calls it project_slug). */
  slug: string;
}

/** 'ListProjects' query type */
export interface IListProjectsQuery {
  params: IListProjectsParams;
  result: IListProjectsResult;
}

const listProjectsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT id, project_id, name, slug FROM projects ORDER BY name"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, project_id, name, slug FROM projects ORDER BY name
 * ```
 */
export const listProjects = new PreparedQuery<IListProjectsParams,IListProjectsResult>(listProjectsIR);


/** 'FindProjectByRef' parameters type */
export interface IFindProjectByRefParams {
  ref: string;
}

/** 'FindProjectByRef' return type */
export interface IFindProjectByRefResult {
  /** Internal key. */
  id: string;
  /** Display name, unique (the API calls it project). */
  name: string;
  /** Public id, project_<12 hex> when the server makes it (imports may carry other project_<name> ids); shown by the API as project_id. */
  project_id: string;
  /** URL-safe lower-case name, unique (the API calls it project_slug). */
  slug: string;
}

/** 'FindProjectByRef' query type */
export interface IFindProjectByRefQuery {
  params: IFindProjectByRefParams;
  result: IFindProjectByRefResult;
}

const findProjectByRefIR: any = {"usedParamSet":{"ref":true},"params":[{"name":"ref","required":true,"transform":{"type":"scalar"},"locs":[{"a":142,"b":146},{"a":164,"b":168},{"a":195,"b":199}]}],"statement":"-- Resolved by public project_id first, then by slug (lower-cased ref).\nSELECT id, project_id, name, slug\n  FROM projects\n WHERE project_id = :ref! OR slug = lower(:ref!)\n ORDER BY (project_id = :ref!) DESC\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- Resolved by public project_id first, then by slug (lower-cased ref).
 * SELECT id, project_id, name, slug
 *   FROM projects
 *  WHERE project_id = :ref! OR slug = lower(:ref!)
 *  ORDER BY (project_id = :ref!) DESC
 *  LIMIT 1
 * ```
 */
export const findProjectByRef = new PreparedQuery<IFindProjectByRefParams,IFindProjectByRefResult>(findProjectByRefIR);


/** 'FindProjectClash' parameters type */
export interface IFindProjectClashParams {
  exceptId?: string | null | void;
  name: string;
  slug: string;
}

/** 'FindProjectClash' return type */
export interface IFindProjectClashResult {
  /** Display name, unique (the API calls it project). */
  name: string;
  /** URL-safe lower-case name, unique (the API calls it project_slug). */
  slug: string;
}

/** 'FindProjectClash' query type */
export interface IFindProjectClashQuery {
  params: IFindProjectClashParams;
  result: IFindProjectClashResult;
}

const findProjectClashIR: any = {"usedParamSet":{"name":true,"slug":true,"exceptId":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":99,"b":104},{"a":176,"b":181}]},{"name":"slug","required":true,"transform":{"type":"scalar"},"locs":[{"a":116,"b":121}]},{"name":"exceptId","required":false,"transform":{"type":"scalar"},"locs":[{"a":148,"b":156}]}],"statement":"-- Another project already using this name or slug.\nSELECT name, slug FROM projects\n WHERE (name = :name! OR slug = :slug!) AND id IS DISTINCT FROM :exceptId\n ORDER BY (name = :name!) DESC\n LIMIT 1"};

/**
 * Query generated from SQL:
 * ```
 * -- Another project already using this name or slug.
 * SELECT name, slug FROM projects
 *  WHERE (name = :name! OR slug = :slug!) AND id IS DISTINCT FROM :exceptId
 *  ORDER BY (name = :name!) DESC
 *  LIMIT 1
 * ```
 */
export const findProjectClash = new PreparedQuery<IFindProjectClashParams,IFindProjectClashResult>(findProjectClashIR);


/** 'InsertProject' parameters type */
export interface IInsertProjectParams {
  name: string;
  projectId: string;
  slug: string;
}

/** 'InsertProject' return type */
export interface IInsertProjectResult {
  /** Internal key. */
  id: string;
  /** Display name, unique (the API calls it project). */
  name: string;
  /** Public id, project_<12 hex> when the server makes it (imports may carry other project_<name> ids); shown by the API as project_id. */
  project_id: string;
  /** URL-safe lower-case name, unique (the API calls it project_slug). */
  slug: string;
}

/** 'InsertProject' query type */
export interface IInsertProjectQuery {
  params: IInsertProjectParams;
  result: IInsertProjectResult;
}

const insertProjectIR: any = {"usedParamSet":{"projectId":true,"name":true,"slug":true},"params":[{"name":"projectId","required":true,"transform":{"type":"scalar"},"locs":[{"a":54,"b":64}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":67,"b":72}]},{"name":"slug","required":true,"transform":{"type":"scalar"},"locs":[{"a":75,"b":80}]}],"statement":"INSERT INTO projects (project_id, name, slug) VALUES (:projectId!, :name!, :slug!)\nRETURNING id, project_id, name, slug"};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO projects (project_id, name, slug) VALUES (:projectId!, :name!, :slug!)
 * RETURNING id, project_id, name, slug
 * ```
 */
export const insertProject = new PreparedQuery<IInsertProjectParams,IInsertProjectResult>(insertProjectIR);


/** 'UpdateProject' parameters type */
export interface IUpdateProjectParams {
  id: string;
  name: string;
  slug: string;
}

/** 'UpdateProject' return type */
export interface IUpdateProjectResult {
  /** Internal key. */
  id: string;
  /** Display name, unique (the API calls it project). */
  name: string;
  /** Public id, project_<12 hex> when the server makes it (imports may carry other project_<name> ids); shown by the API as project_id. */
  project_id: string;
  /** URL-safe lower-case name, unique (the API calls it project_slug). */
  slug: string;
}

/** 'UpdateProject' query type */
export interface IUpdateProjectQuery {
  params: IUpdateProjectParams;
  result: IUpdateProjectResult;
}

const updateProjectIR: any = {"usedParamSet":{"name":true,"slug":true,"id":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":27,"b":32}]},{"name":"slug","required":true,"transform":{"type":"scalar"},"locs":[{"a":42,"b":47}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":60,"b":63}]}],"statement":"UPDATE projects SET name = :name!, slug = :slug! WHERE id = :id!\nRETURNING id, project_id, name, slug"};

/**
 * Query generated from SQL:
 * ```
 * UPDATE projects SET name = :name!, slug = :slug! WHERE id = :id!
 * RETURNING id, project_id, name, slug
 * ```
 */
export const updateProject = new PreparedQuery<IUpdateProjectParams,IUpdateProjectResult>(updateProjectIR);


