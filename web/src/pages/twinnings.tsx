import { Route, Routes } from 'react-router';
import NotFound from './account/not-found';
import TwinningPage from './twinnings/detail';
import TwinningList from './twinnings/list';

/** `/twinnings` and `/twinnings/:id`. */
export default function Twinnings() {
  return (
    <Routes>
      <Route index element={<TwinningList />} />
      <Route path=":id" element={<TwinningPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
