export { onDatabaseOutdated } from '$lib/db/db';
