import { Loading } from '../components/ErrorView';

export default function Cadre() {
  return <Loading />;
}
