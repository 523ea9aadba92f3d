"""PostgreSQL roles: an owner that migrates, a runtime role that stations use, and their grants.

- The **owner** role owns every Lotline table, sequence and function; ``lotline db upgrade``
  runs as it (or as a superuser, which then acts as the owner: ``SET ROLE``).
- The **runtime** role owns nothing. It may SELECT every table, INSERT and UPDATE the tables
  that hold current state, only INSERT and SELECT the append-only tables
  (db.append_only.APPEND_ONLY), and of a link UPDATE only the column that marks it removed.
  It may not DELETE or TRUNCATE anything but the rows of the derived reach table (recomputed
  when a link is removed; ``lotline audit verify`` compares it with the links), create
  objects, or change the schema; not owning the tables, it can neither alter, disable nor
  drop their triggers.
- A station in production mode refuses to run as a superuser, as the owner (or a member of
  it), or as a role that could make itself one (CREATEROLE).

Role names are cluster-wide; ``setup_roles`` is idempotent (an existing role keeps its password
unless a new one is given). Nothing here exists on SQLite, which has no users.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from db.append_only import APPEND_ONLY, REMOVAL_ONLY
from db.errors import DatabaseProblem

DEFAULT_OWNER = "lotline_owner"
DEFAULT_RUNTIME = "lotline_station"
#: Tables the runtime role may only read.
READ_ONLY: tuple[str, ...] = ("alembic_version",)
#: Tables derived from the records and recomputed in place: the runtime role deletes their rows.
DERIVED: tuple[str, ...] = ("reach",)
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RoleProblem(DatabaseProblem):
    """Roles cannot be set up as asked, or a station would run with too much power."""


@dataclass(frozen=True)
class RoleSetup:
    """What ``setup_roles`` did, for the command to report."""

    created: tuple[str, ...]
    passwords_set: tuple[str, ...]
    tables_owned: int
    tables_granted: int


def check_name(name: str) -> str:
    if not _NAME.match(name or ""):
        raise RoleProblem(
            f'role name "{name}" is not allowed: use lower-case letters, digits and _, '
            "starting with a letter or _, at most 63 characters"
        )
    if name == "postgres" or name.startswith("pg_"):
        raise RoleProblem(f'role name "{name}" is reserved by PostgreSQL: choose another name')
    return name


def _role(conn: Connection, name: str) -> dict[str, bool] | None:
    row = conn.execute(
        text(
            "SELECT rolsuper, rolcreaterole, rolcreatedb, rolcanlogin "
            "FROM pg_roles WHERE rolname = :n"
        ),
        {"n": name},
    ).first()
    if row is None:
        return None
    return {"super": row[0], "createrole": row[1], "createdb": row[2], "login": row[3]}


def _quote(conn: Connection, name: str) -> str:
    return str(conn.execute(text("SELECT quote_ident(:n)"), {"n": name}).scalar_one())


def _literal(conn: Connection, value: str) -> str:
    return str(conn.execute(text("SELECT quote_literal(:v)"), {"v": value}).scalar_one())


def _ensure_login_role(
    conn: Connection, name: str, password: str | None, created: list[str], set_pw: list[str]
) -> None:
    existing = _role(conn, name)
    q = _quote(conn, name)
    if existing is not None and existing["super"]:
        raise RoleProblem(f'role "{name}" is a superuser: choose another role name; nothing done')
    if existing is None:
        if not password:
            raise RoleProblem(
                f'role "{name}" does not exist and no password was given for it: give it on '
                "stdin or in the environment (see lotline db setup-roles --help); nothing done"
            )
        conn.execute(text(f"CREATE ROLE {q} LOGIN PASSWORD {_literal(conn, password)}"))
        created.append(name)
    elif password:
        conn.execute(text(f"ALTER ROLE {q} PASSWORD {_literal(conn, password)}"))
        set_pw.append(name)
    attrs = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
    conn.execute(text(f"ALTER ROLE {q} {attrs}"))


def lotline_tables(conn: Connection) -> list[str]:
    """Every table of the current schema that Lotline made (models and alembic_version)."""
    from db.models import Base

    names = [*Base.metadata.tables, "alembic_version"]
    present = conn.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    ).scalars()
    have = set(present)
    return [n for n in names if n in have]


def table_owner(conn: Connection) -> str | None:
    """The role that owns the audit trail (the schema owner), or None before the first upgrade."""
    owner = conn.execute(
        text(
            "SELECT tableowner FROM pg_tables "
            "WHERE schemaname = current_schema() AND tablename = 'audit_entries'"
        )
    ).scalar()
    return None if owner is None else str(owner)


def _give_to_owner(conn: Connection, owner: str) -> int:
    q = _quote(conn, owner)
    tables = lotline_tables(conn)
    for table in tables:
        conn.execute(text(f"ALTER TABLE {table} OWNER TO {q}"))  # with its sequences
    functions = conn.execute(
        text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = current_schema() AND p.proname LIKE 'lotline\\_%'"
        )
    ).scalars()
    for signature in list(functions):
        conn.execute(text(f"ALTER FUNCTION {signature} OWNER TO {q}"))
    return len(tables)


def grant_runtime(conn: Connection, runtime: str) -> int:
    """Give ``runtime`` exactly the rights a station needs on every Lotline table (idempotent)."""
    q = _quote(conn, runtime)
    tables = lotline_tables(conn)
    conn.execute(text(f"GRANT USAGE ON SCHEMA {_schema(conn)} TO {q}"))
    for table in tables:
        conn.execute(text(f"REVOKE ALL ON {table} FROM {q}"))
        if table in READ_ONLY:
            rights = "SELECT"
        elif table in APPEND_ONLY:
            rights = "SELECT, INSERT"
        elif table in DERIVED:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        elif table in REMOVAL_ONLY:
            rights = f"SELECT, INSERT, UPDATE ({REMOVAL_ONLY[table]})"
        else:
            rights = "SELECT, INSERT, UPDATE"
        conn.execute(text(f"GRANT {rights} ON {table} TO {q}"))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_schema(conn)} TO {q}"))
    return len(tables)


def _schema(conn: Connection) -> str:
    return _quote(conn, str(conn.execute(text("SELECT current_schema()")).scalar_one()))


def setup_roles(
    engine: Engine,
    *,
    owner: str = DEFAULT_OWNER,
    runtime: str = DEFAULT_RUNTIME,
    owner_password: str | None = None,
    runtime_password: str | None = None,
) -> RoleSetup:
    """Create or update both roles and apply ownership and grants, in one transaction.

    Run it connected to the Lotline database as a role that may create roles (a superuser, as
    a rule). Before or after the first ``lotline db upgrade``: new tables made later by the
    owner get the runtime grants through default privileges, and every upgrade re-applies them.
    """
    if engine.dialect.name != "postgresql":
        raise RoleProblem(
            "database roles exist on PostgreSQL only: an SQLite file has no users (protect the "
            "file with the operating system's permissions); nothing done"
        )
    check_name(owner)
    check_name(runtime)
    if owner == runtime:
        raise RoleProblem(f'the owner and runtime roles must differ (both are "{owner}")')
    created: list[str] = []
    set_pw: list[str] = []
    try:
        with engine.begin() as conn:
            _ensure_login_role(conn, owner, owner_password, created, set_pw)
            _ensure_login_role(conn, runtime, runtime_password, created, set_pw)
            qo, qr = _quote(conn, owner), _quote(conn, runtime)
            member = conn.execute(
                text("SELECT pg_has_role(:r, :o, 'MEMBER')"), {"r": runtime, "o": owner}
            ).scalar()
            if member:
                conn.execute(text(f"REVOKE {qo} FROM {qr}"))
            database = _quote(conn, str(conn.execute(text("SELECT current_database()")).scalar()))
            schema = _schema(conn)
            conn.execute(text(f"GRANT CONNECT ON DATABASE {database} TO {qo}, {qr}"))
            conn.execute(text(f"GRANT USAGE, CREATE ON SCHEMA {schema} TO {qo}"))
            owned = _give_to_owner(conn, owner)
            granted = grant_runtime(conn, runtime)
            conn.execute(
                text(
                    f"ALTER DEFAULT PRIVILEGES FOR ROLE {qo} IN SCHEMA {schema} "
                    f"GRANT SELECT, INSERT, UPDATE ON TABLES TO {qr}"
                )
            )
            conn.execute(
                text(
                    f"ALTER DEFAULT PRIVILEGES FOR ROLE {qo} IN SCHEMA {schema} "
                    f"GRANT USAGE, SELECT ON SEQUENCES TO {qr}"
                )
            )
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise RoleProblem(
            f"could not set up the roles: {reason}. Connect as a superuser (or a role with "
            "CREATEROLE that is a member of the owner role); nothing was changed"
        ) from None
    return RoleSetup(tuple(created), tuple(set_pw), owned, granted)


def runtime_roles(conn: Connection) -> list[str]:
    """Roles that may insert audit entries without owning them: the stations' runtime roles."""
    owner = table_owner(conn)
    rows = conn.execute(
        text(
            "SELECT DISTINCT grantee FROM information_schema.role_table_grants "
            "WHERE table_schema = current_schema() AND table_name = 'audit_entries' "
            "AND privilege_type = 'INSERT'"
        )
    ).scalars()
    return [r for r in rows if r != owner and r != "PUBLIC"]


def act_as_owner(conn: Connection) -> None:
    """Inside a migration's transaction: create objects as the table owner, not as ourselves.

    A superuser (or a member of the owner role) that runs ``lotline db upgrade`` would
    otherwise own the new tables, and the runtime role's default grants would not apply.
    """
    if conn.dialect.name != "postgresql":
        return
    owner = table_owner(conn)
    me = conn.execute(text("SELECT current_user")).scalar()
    if owner is None or owner == me:
        return
    may = conn.execute(text("SELECT pg_has_role(current_user, :o, 'MEMBER')"), {"o": owner})
    if may.scalar():
        conn.execute(text(f"SET LOCAL ROLE {_quote(conn, owner)}"))


def refresh_grants(conn: Connection) -> None:
    """After a migration: give every runtime role its rights on tables that are new."""
    if conn.dialect.name != "postgresql":
        return
    for role in runtime_roles(conn):
        grant_runtime(conn, role)


def refuse_privileged_station(engine: Engine) -> None:
    """Production start-up: refuse a connection role that could rewrite history.

    Superuser, the table owner or a member of it, or a role with CREATEROLE (which could grant
    itself the owner role) is refused with a message naming the role and what to do.
    """
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as conn:
        me = str(conn.execute(text("SELECT current_user")).scalar_one())
        attrs = _role(conn, me) or {}
        owner = table_owner(conn)
        owns_any = conn.execute(
            text(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                "AND pg_has_role(:me, tableowner, 'MEMBER')"
            ),
            {"me": me},
        ).scalar()
    fix = (
        "connect the station as the runtime role made by `lotline db setup-roles` "
        f'(default "{DEFAULT_RUNTIME}"); nothing was written'
    )
    if attrs.get("super"):
        raise RoleProblem(f'production mode: the station connects as "{me}", a superuser: {fix}')
    if owns_any:
        raise RoleProblem(
            f'production mode: the station connects as "{me}", which owns the Lotline tables '
            f'(or is a member of their owner "{owner}"): {fix}'
        )
    if attrs.get("createrole"):
        raise RoleProblem(
            f'production mode: the station connects as "{me}", which may create roles (and so '
            f"make itself the owner): {fix}"
        )
