import { Loading } from '../components/ErrorView';

export default function Me() {
  return <Loading />;
}
