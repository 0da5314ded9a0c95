export default function CallTab({ programmeId }: { programmeId: string }) {
  return null;
}
