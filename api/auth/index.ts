import type { Db } from '../../db/connect';
import type { Autenticador } from './ator';

/**
 * The production Autenticador. Until accounts exist (sessions, API keys), no
 * caller is authenticated and every protected route answers 401.
 */
export function createAutenticador(_db: Db): Autenticador {
  return { autenticar: async () => null };
}
