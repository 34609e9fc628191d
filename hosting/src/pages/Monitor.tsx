import { Loading } from '../components/ErrorView';

export default function Monitor() {
  return <Loading />;
}
