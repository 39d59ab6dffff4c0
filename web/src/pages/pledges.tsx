import { Route, Routes } from 'react-router';
import PledgeForm from './pledges/form';
import PledgesList from './pledges/list';
import ExchangeRates from './pledges/rates';
import './pledges/pledges.css';

/** /pledges, /pledges/new, /pledges/rates. */
export default function Pledges() {
  return (
    <Routes>
      <Route index element={<PledgesList />} />
      <Route path="new" element={<PledgeForm />} />
      <Route path="rates" element={<ExchangeRates />} />
    </Routes>
  );
}
