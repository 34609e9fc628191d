/**
 * Services over the default Firestore, created on first use: handlers stay
 * cheap to load (cold start) and tests can build services over any database.
 */
import { randomUUID } from 'node:crypto';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { MovementService, type ServiceDeps } from './movements';
import { UserScopeService } from './users';

export interface Services {
  movements: MovementService;
  users: UserScopeService;
}

export const defaultDeps: ServiceDeps = {
  now: () => new Date(),
  newId: (prefix) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 20)}`,
};

let services: Services | undefined;

export function getServices(): Services {
  if (!services) {
    if (getApps().length === 0) initializeApp();
    const db = getFirestore();
    services = {
      movements: new MovementService(db, defaultDeps),
      users: new UserScopeService(db, getAuth(), defaultDeps),
    };
  }
  return services;
}
