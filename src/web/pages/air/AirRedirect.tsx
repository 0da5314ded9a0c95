import { Navigate, useParams, useSearchParams } from "react-router-dom";

/** `/cities/:slug/air` is the Air tab of the city page (`?tab=air`), keeping any other parameters. */
export default function AirRedirect() {
  const { slug = "" } = useParams();
  const [params] = useSearchParams();
  const next = new URLSearchParams(params);
  next.set("tab", "air");
  return <Navigate replace to={`/cities/${encodeURIComponent(slug)}?${next}`} />;
}
