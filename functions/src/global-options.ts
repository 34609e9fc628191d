/**
 * The one place the region is set. Every function module imports this first:
 * `onCall`/`onSchedule` read the global options when they are defined.
 */
import { setGlobalOptions } from 'firebase-functions/v2';
import { REGION } from './config';

setGlobalOptions({ region: REGION });
