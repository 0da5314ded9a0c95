export default function ReadinessPage() {
  return null;
}
