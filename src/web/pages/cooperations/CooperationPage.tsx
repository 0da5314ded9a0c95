export default function CooperationPage() {
  return null;
}
