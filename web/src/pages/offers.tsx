export default function Page() {
  return <h1>offers</h1>;
}
