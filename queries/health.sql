/* @name CheckDatabase */
SELECT current_setting('server_version') AS "server_version!",
       (SELECT count(*) FROM pgmigrations) AS "migrations!";
