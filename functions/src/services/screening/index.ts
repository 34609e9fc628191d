export { getScreeningLists, recordHonour } from './lists';
