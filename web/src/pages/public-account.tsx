export default function Page({ page }: { page: string }) {
  return <h1>{page}</h1>;
}
