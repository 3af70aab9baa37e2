import { releaseExpiredBlocks } from './customers';
import { setWorkDate } from './settings';

/** Moves the work date; blocks whose Blocked Until it reaches are lifted right away. */
export async function moveWorkDate(input: { workDate: string }): Promise<string[]> {
	await setWorkDate(input);
	return releaseExpiredBlocks();
}
