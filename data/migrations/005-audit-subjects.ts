import type { Migration } from './types.js';

/** The trail also records what is not a layer (users, tokens, organisations, sign-ins): the
 *  organisation concerned (so an organisation can read its own trail), the subject acted on
 *  (a username, a token id, an organisation code) and the client's address. Rows are
 *  append-only: the database itself refuses UPDATE and DELETE, whatever path asks. */
export const auditSubjects: Migration = {
  version: 5,
  name: 'audit trail of every subject, append-only',
  async up(tx) {
    await tx.query(
      'ALTER TABLE simpul.audit ADD COLUMN organisation text, ADD COLUMN subject text, ADD COLUMN address text',
    );
    await tx.query('CREATE INDEX audit_organisation_idx ON simpul.audit (organisation, id)');
    await tx.query('CREATE INDEX audit_actor_idx ON simpul.audit (actor, id)');
    await tx.query('CREATE INDEX audit_at_idx ON simpul.audit (at)');
    // One statement each: the migration runner splits plain SQL at semicolons, which a function body has.
    await tx.query(`CREATE FUNCTION simpul.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END $$`);
    await tx.query(`CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON simpul.audit
  FOR EACH ROW EXECUTE FUNCTION simpul.audit_append_only()`);
    await tx.query(`CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON simpul.audit
  FOR EACH STATEMENT EXECUTE FUNCTION simpul.audit_append_only()`);
  },
};
