/** registerReceipts({ receipts: [{ receiptNo, procedureId, unitCode, cadreId?, receivedOn, dueOn?, returnedOn? }] }) */
import { ZRegisterReceiptsInput } from '@canbo/model';
import { registrarCallable } from './ratings-handler';

export const registerReceipts = registrarCallable(ZRegisterReceiptsInput, (registrar, input, u) =>
  u.registerReceipts(registrar, input),
);
