export default function Page() {
  return <h1>twinnings</h1>;
}
