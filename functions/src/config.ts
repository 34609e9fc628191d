/**
 * Settings of the deployment, read once. The region and the time zone are
 * fixed by where the data must live and whose calendar counts (Vietnam);
 * tunables that an operator may change per deployment are
 * `firebase-functions/params`, with the defaults below when unset (tests, the
 * emulator).
 */
import { defineInt, defineString } from 'firebase-functions/params';

/** Data stays in the region nearest Vietnam; clients address the functions there (docs/api.md). */
export const REGION = 'asia-southeast1';

/** Vietnam's calendar (UTC+7, no daylight saving): "today", deadlines and the job schedule. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const params = {
  endingSoonDays: defineInt('ALERTS_ENDING_SOON_DAYS', {
    default: 60,
    description: 'Days before a planned end from which a movement is flagged ending_soon',
  }),
  alertsSchedule: defineString('ALERTS_SCHEDULE', {
    default: 'every day 06:00',
    description: 'When the daily alerts job runs (in Asia/Ho_Chi_Minh)',
  }),
};

export interface Config {
  region: string;
  timeZone: string;
  /** A movement ending within this many days is flagged `ending_soon`. */
  endingSoonDays: number;
  alertsSchedule: string;
}

/** A param's value at run time, or its default where the deployment did not set it. */
function intParam(param: typeof params.endingSoonDays, fallback: number): number {
  return process.env[param.name] === undefined ? fallback : param.value();
}
function stringParam(param: typeof params.alertsSchedule, fallback: string): string {
  return process.env[param.name] === undefined ? fallback : param.value();
}

let config: Config | undefined;

/** The configuration, read on first use and kept. */
export function getConfig(): Config {
  config ??= {
    region: REGION,
    timeZone: TIME_ZONE,
    endingSoonDays: intParam(params.endingSoonDays, 60),
    alertsSchedule: stringParam(params.alertsSchedule, 'every day 06:00'),
  };
  return config;
}
