/**
 * Operator tools on the database: migration status, online backup, inspection
 * and restore (re-exported by the package entry; used by `aldea` and doctor).
 */
export * from './migration-status.js';
export {
  type BackupOptions,
  type BackupResult,
  backupDatabase,
  type CopyProgress,
} from './sqlite/backup-database.js';
export {
  type DatabaseFileReport,
  inspectDatabaseFile,
  migrationStatus,
} from './sqlite/inspect-file.js';
export {
  isDatabaseFileInUse,
  type RestoreOptions,
  type RestoreResult,
  restoreDatabase,
} from './sqlite/restore-database.js';
