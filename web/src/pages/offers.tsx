import { Route, Routes } from 'react-router';
import OfferForm from './offers/form';
import OffersList from './offers/list';
import OfferPage from './offers/page';
import './needs/postings.css';

/** /offers, /offers/new, /offers/:id, /offers/:id/edit. */
export default function Offers() {
  return (
    <Routes>
      <Route index element={<OffersList />} />
      <Route path="new" element={<OfferForm />} />
      <Route path=":id" element={<OfferPage />} />
      <Route path=":id/edit" element={<OfferForm />} />
    </Routes>
  );
}
