/** Types generated for queries found in "queries/counters.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'AllocateCode' parameters type */
export interface IAllocateCodeParams {
  counterKey: string;
}

/** 'AllocateCode' return type */
export interface IAllocateCodeResult {
  /** Last number handed out. */
  value: number;
}

/** 'AllocateCode' query type */
export interface IAllocateCodeQuery {
  params: IAllocateCodeParams;
  result: IAllocateCodeResult;
}

const allocateCodeIR: any = {"usedParamSet":{"counterKey":true},"params":[{"name":"counterKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":733,"b":744}]}],"statement":"-- One statement that locks, reads and bumps a counter row: max(counter,\n-- largest existing number) + 1, the largest number read from its index\n-- (ix_*_value), so the lock is taken with O(1) work. The row stays locked\n-- until the transaction ends: call it as late in the transaction as possible.\nUPDATE runtime_counters\n   SET current_value = GREATEST(current_value, CASE counter_key\n         WHEN 'job_number' THEN (SELECT max(substring(job_number FROM 2)::numeric) FROM jobs)\n         WHEN 'customer_code' THEN (SELECT max(substring(customer_code FROM 2)::numeric) FROM customers)\n         WHEN 'billing_code' THEN (SELECT max(substring(billing_code FROM 2)::numeric) FROM billing_profiles)\n       END) + 1\n WHERE counter_key = :counterKey!\nRETURNING current_value AS \"value!\""};

/**
 * Query generated from SQL:
 * ```
 * -- One statement that locks, reads and bumps a counter row: max(counter,
 * -- largest existing number) + 1, the largest number read from its index
 * -- (ix_*_value), so the lock is taken with O(1) work. The row stays locked
 * -- until the transaction ends: call it as late in the transaction as possible.
 * UPDATE runtime_counters
 *    SET current_value = GREATEST(current_value, CASE counter_key
 *          WHEN 'job_number' THEN (SELECT max(substring(job_number FROM 2)::numeric) FROM jobs)
 *          WHEN 'customer_code' THEN (SELECT max(substring(customer_code FROM 2)::numeric) FROM customers)
 *          WHEN 'billing_code' THEN (SELECT max(substring(billing_code FROM 2)::numeric) FROM billing_profiles)
 *        END) + 1
 *  WHERE counter_key = :counterKey!
 * RETURNING current_value AS "value!"
 * ```
 */
export const allocateCode = new PreparedQuery<IAllocateCodeParams,IAllocateCodeResult>(allocateCodeIR);


/** 'ClaimJobNumber' parameters type */
export interface IClaimJobNumberParams {
  value: NumberOrString;
}

/** 'ClaimJobNumber' return type */
export interface IClaimJobNumberResult {
  /** Last number handed out. */
  value: number;
}

/** 'ClaimJobNumber' query type */
export interface IClaimJobNumberQuery {
  params: IClaimJobNumberParams;
  result: IClaimJobNumberResult;
}

const claimJobNumberIR: any = {"usedParamSet":{"value":true},"params":[{"name":"value","required":true,"transform":{"type":"scalar"},"locs":[{"a":225,"b":231}]}],"statement":"-- An explicitly numbered job (admin create): locks the job_number counter and\n-- raises it to that number, so device creates that follow continue after it.\nUPDATE runtime_counters SET current_value = GREATEST(current_value, :value!::numeric)\n WHERE counter_key = 'job_number'\nRETURNING current_value AS \"value!\""};

/**
 * Query generated from SQL:
 * ```
 * -- An explicitly numbered job (admin create): locks the job_number counter and
 * -- raises it to that number, so device creates that follow continue after it.
 * UPDATE runtime_counters SET current_value = GREATEST(current_value, :value!::numeric)
 *  WHERE counter_key = 'job_number'
 * RETURNING current_value AS "value!"
 * ```
 */
export const claimJobNumber = new PreparedQuery<IClaimJobNumberParams,IClaimJobNumberResult>(claimJobNumberIR);


