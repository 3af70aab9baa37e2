/**
 * Who made a change, as Blocked By and the block history store it: the user name set in
 * Settings, or a marker for a change no named user made. The UI shows a marker in its own
 * language ("Holdfast (automatic)", "clerk").
 */
export const USER_MARKERS = {
	/** Holdfast itself: the release of expired blocks at start, the scale generator. */
	holdfast: '@holdfast',
	/** Someone working before a user name is set in Settings. */
	unnamed: '@unnamed'
} as const;

export type UserMarker = keyof typeof USER_MARKERS;

/** The English names stored for the same two before the markers. */
const STORED_BEFORE = new Map<string, UserMarker>([
	['Holdfast', 'holdfast'],
	['clerk', 'unnamed']
]);

/** The marker a stored user name stands for, or null for a user's own name. */
export function userMarkerOf(user: string): UserMarker | null {
	for (const [marker, stored] of Object.entries(USER_MARKERS)) {
		if (user === stored) return marker as UserMarker;
	}
	return STORED_BEFORE.get(user) ?? null;
}
