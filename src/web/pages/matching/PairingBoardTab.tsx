export default function PairingBoardTab({ programmeId }: { programmeId: string }) {
  return null;
}
