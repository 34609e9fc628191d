/**
 * The citizen rating page (rate.html?r=<receipt>&c=<code>), reached from the
 * QR code on a dossier receipt: a separate light entry of the web client, with
 * no sign-in code (docs/satisfaction.md). Vietnamese first, with an English
 * switch; one screen, big targets, usable on a phone in under a minute.
 */
import { render } from 'preact';
import { RatePage } from './page';
import './citizen.css';

const params = new URLSearchParams(location.search);
render(
  <RatePage receiptNo={params.get('r') ?? ''} code={params.get('c') ?? ''} />,
  document.getElementById('rate')!,
);
