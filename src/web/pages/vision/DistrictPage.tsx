export default function DistrictPage() {
  return null;
}
