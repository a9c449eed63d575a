-- Benchmark floor, not a product: the kivoll roles and databases created in
-- one psql session, one after another, with no grants, memberships or
-- passwords at all. No init that creates the same databases one by one can
-- be faster; scripts/benchmark.sh compares the generated local/initdb with it.

CREATE ROLE "api_app" LOGIN;
CREATE ROLE "api_migrator" LOGIN;
CREATE ROLE "api_owner" NOLOGIN;
CREATE ROLE "predict_app" LOGIN;
CREATE ROLE "predict_migrator" LOGIN;
CREATE ROLE "predict_owner" NOLOGIN;
CREATE ROLE "scheduler" LOGIN;
CREATE ROLE "worker_app" LOGIN;
CREATE ROLE "worker_migrator" LOGIN;
CREATE ROLE "worker_owner" NOLOGIN;

CREATE DATABASE "jobs_db" OWNER "api_owner";
CREATE DATABASE "predict_db" OWNER "predict_owner";
CREATE DATABASE "scheduler_db" OWNER "scheduler";
CREATE DATABASE "userdata_db" OWNER "api_owner";
CREATE DATABASE "worker_db" OWNER "worker_owner";
