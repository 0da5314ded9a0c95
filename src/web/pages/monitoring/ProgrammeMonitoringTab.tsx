export default function ProgrammeMonitoringTab({ programmeId }: { programmeId: string }) {
  return null;
}
