-- One database per service that keeps its state in PostgreSQL, owned by the role the services log in as
-- (POSTGRES_USER). Run once, by the postgres image, when its data volume is new (/docker-entrypoint-initdb.d);
-- the services' Flyway migrations then make the tables. Used by docker-compose.yml and by the Testcontainers
-- tier of system-tests. The saga view keeps its own H2 store and has no database here.
CREATE DATABASE "order";
CREATE DATABASE exchange;
CREATE DATABASE point;
CREATE DATABASE deadline;
