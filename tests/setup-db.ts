import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { resetDatabase } from './factories';

// Every test starts from a database as new as a first start makes it (the schema stays open).
beforeEach(resetDatabase);
