// The regions where FSx for Lustre runs, by partition. A scan of "every region" stays inside the
// partition of the profile's region: credentials of one partition are not valid in another.
// Kept simple: the partition is read from the region name (us-gov-*, cn-*), the commercial one
// otherwise (a profile without a region scans the commercial regions).

const COMMERCIAL = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'ap-south-1', 'ap-south-2', 'ap-east-1', 'me-south-1', 'me-central-1', 'il-central-1', 'af-south-1',
];
const US_GOV = ['us-gov-west-1', 'us-gov-east-1'];
const CHINA = ['cn-north-1', 'cn-northwest-1'];

/** Offered first when picking a region; any other can be typed. */
export const FSX_REGIONS: readonly string[] = [...COMMERCIAL, ...US_GOV];

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

export function partitionOf(region: string | undefined): Partition {
  if (region?.startsWith('us-gov-')) {
    return 'aws-us-gov';
  }
  return region?.startsWith('cn-') ? 'aws-cn' : 'aws';
}

/** The FSx regions a scan for this profile region covers. */
export function scanRegions(profileRegion: string | undefined): readonly string[] {
  switch (partitionOf(profileRegion)) {
    case 'aws-us-gov':
      return US_GOV;
    case 'aws-cn':
      return CHINA;
    default:
      return COMMERCIAL;
  }
}

/**
 * AWS region names as the SDK accepts them (us-east-1, eu-central-2, us-gov-west-1, cn-north-1).
 * A region becomes part of a host name (the endpoint, the console's address), so nothing else is one.
 */
export function isPlausibleRegion(region: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region);
}
