import type { Client } from '@temporalio/client';
import type { Db } from '../db/connect';
import type { Autenticador } from './auth/ator';

/** What the API needs from the outside world; tests pass their own. */
export interface ApiDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  autenticador: Autenticador;
}
