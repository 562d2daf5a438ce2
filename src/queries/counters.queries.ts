/** Types generated for queries found in "queries/counters.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'LockCounter' parameters type */
export interface ILockCounterParams {
  counterKey: string;
}

/** 'LockCounter' return type */
export interface ILockCounterResult {
  /** Last number handed out. */
  value: number;
}

/** 'LockCounter' query type */
export interface ILockCounterQuery {
  params: ILockCounterParams;
  result: ILockCounterResult;
}

const lockCounterIR: any = {"usedParamSet":{"counterKey":true},"params":[{"name":"counterKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":227,"b":238}]}],"statement":"-- Takes the counter row lock; held until the inserting transaction ends, so\n-- every later statement of that transaction sees all earlier allocations.\nSELECT current_value AS \"value!\" FROM runtime_counters WHERE counter_key = :counterKey! FOR UPDATE"};

/**
 * Query generated from SQL:
 * ```
 * -- Takes the counter row lock; held until the inserting transaction ends, so
 * -- every later statement of that transaction sees all earlier allocations.
 * SELECT current_value AS "value!" FROM runtime_counters WHERE counter_key = :counterKey! FOR UPDATE
 * ```
 */
export const lockCounter = new PreparedQuery<ILockCounterParams,ILockCounterResult>(lockCounterIR);


/** 'NextJobNumber' parameters type */
export type INextJobNumberParams = void;

/** 'NextJobNumber' return type */
export interface INextJobNumberResult {
  /** Last number handed out. */
  value: number;
}

/** 'NextJobNumber' query type */
export interface INextJobNumberQuery {
  params: INextJobNumberParams;
  result: INextJobNumberResult;
}

const nextJobNumberIR: any = {"usedParamSet":{},"params":[],"statement":"-- max(counter, largest numeric suffix of existing job numbers) + 1; call with the lock held.\nUPDATE runtime_counters\n   SET current_value = GREATEST(current_value,\n         (SELECT COALESCE(max(substring(job_number FROM 2)::bigint), 0) FROM jobs WHERE job_number ~ '^J[0-9]+$')) + 1\n WHERE counter_key = 'job_number'\nRETURNING current_value AS \"value!\""};

/**
 * Query generated from SQL:
 * ```
 * -- max(counter, largest numeric suffix of existing job numbers) + 1; call with the lock held.
 * UPDATE runtime_counters
 *    SET current_value = GREATEST(current_value,
 *          (SELECT COALESCE(max(substring(job_number FROM 2)::bigint), 0) FROM jobs WHERE job_number ~ '^J[0-9]+$')) + 1
 *  WHERE counter_key = 'job_number'
 * RETURNING current_value AS "value!"
 * ```
 */
export const nextJobNumber = new PreparedQuery<INextJobNumberParams,INextJobNumberResult>(nextJobNumberIR);


/** 'NextCustomerCode' parameters type */
export type INextCustomerCodeParams = void;

/** 'NextCustomerCode' return type */
export interface INextCustomerCodeResult {
  /** Last number handed out. */
  value: number;
}

/** 'NextCustomerCode' query type */
export interface INextCustomerCodeQuery {
  params: INextCustomerCodeParams;
  result: INextCustomerCodeResult;
}

const nextCustomerCodeIR: any = {"usedParamSet":{},"params":[],"statement":"UPDATE runtime_counters\n   SET current_value = GREATEST(current_value,\n         (SELECT COALESCE(max(substring(customer_code FROM 2)::bigint), 0) FROM customers)) + 1\n WHERE counter_key = 'customer_code'\nRETURNING current_value AS \"value!\""};

/**
 * Query generated from SQL:
 * ```
 * UPDATE runtime_counters
 *    SET current_value = GREATEST(current_value,
 *          (SELECT COALESCE(max(substring(customer_code FROM 2)::bigint), 0) FROM customers)) + 1
 *  WHERE counter_key = 'customer_code'
 * RETURNING current_value AS "value!"
 * ```
 */
export const nextCustomerCode = new PreparedQuery<INextCustomerCodeParams,INextCustomerCodeResult>(nextCustomerCodeIR);


/** 'NextBillingCode' parameters type */
export type INextBillingCodeParams = void;

/** 'NextBillingCode' return type */
export interface INextBillingCodeResult {
  /** Last number handed out. */
  value: number;
}

/** 'NextBillingCode' query type */
export interface INextBillingCodeQuery {
  params: INextBillingCodeParams;
  result: INextBillingCodeResult;
}

const nextBillingCodeIR: any = {"usedParamSet":{},"params":[],"statement":"UPDATE runtime_counters\n   SET current_value = GREATEST(current_value,\n         (SELECT COALESCE(max(substring(billing_code FROM 2)::bigint), 0) FROM billing_profiles)) + 1\n WHERE counter_key = 'billing_code'\nRETURNING current_value AS \"value!\""};

/**
 * Query generated from SQL:
 * ```
 * UPDATE runtime_counters
 *    SET current_value = GREATEST(current_value,
 *          (SELECT COALESCE(max(substring(billing_code FROM 2)::bigint), 0) FROM billing_profiles)) + 1
 *  WHERE counter_key = 'billing_code'
 * RETURNING current_value AS "value!"
 * ```
 */
export const nextBillingCode = new PreparedQuery<INextBillingCodeParams,INextBillingCodeResult>(nextBillingCodeIR);


