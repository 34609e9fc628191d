/** setUserScope({ uid, role, province, communes?, cadreId?, requestId? }): province admins, inside their province. */
import { ZSetUserScopeInput } from '@canbo/model';
import { callable } from './handler';

export const setUserScope = callable(ZSetUserScopeInput, (actor, input, u) => u.setUserScope(actor, input));
