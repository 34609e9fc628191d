import { Loading } from '../components/ErrorView';

export default function Dashboard() {
  return <Loading />;
}
