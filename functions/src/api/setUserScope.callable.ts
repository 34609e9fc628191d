/** setUserScope({ uid, role, province, communes?, cadreId? }): province admins only. */
import { ZSetUserScopeInput } from '@canbo/model';
import { callable } from './handler';

export const setUserScope = callable(ZSetUserScopeInput, (actor, input, u) => u.setUserScope(actor, input));
