import { Loading } from '../components/ErrorView';

export default function Commune() {
  return <Loading />;
}
