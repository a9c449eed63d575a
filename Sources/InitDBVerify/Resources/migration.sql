-- A migration as a service would run it through its migrator: an enum type,
-- tables with serial and identity keys, a foreign key, an index, a view, a
-- function, and a second schema with a table of its own. `initdb-gen verify`
-- applies it in every database as the login role that migrates it, in that
-- role's ordinary session, then runs typical queries as every role.

BEGIN;

CREATE TYPE order_state AS ENUM ('open', 'paid', 'shipped');

CREATE TABLE customers (
  id serial PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id),
  state order_state NOT NULL DEFAULT 'open',
  total numeric(10, 2) NOT NULL DEFAULT 0
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE VIEW order_summaries AS
  SELECT o.id, c.name AS customer, o.state, o.total
  FROM orders o
  JOIN customers c ON c.id = o.customer_id;

CREATE FUNCTION customer_total(customer integer) RETURNS numeric
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(sum(total), 0) FROM orders WHERE customer_id = customer $$;

CREATE SCHEMA audit;

CREATE TABLE audit.events (
  id bigserial PRIMARY KEY,
  happened_at timestamptz NOT NULL DEFAULT now(),
  detail text NOT NULL
);

INSERT INTO customers (name) VALUES ('Ada'), ('Grace');
INSERT INTO orders (customer_id, total) VALUES (1, 12.50), (2, 99.00);

COMMIT;
