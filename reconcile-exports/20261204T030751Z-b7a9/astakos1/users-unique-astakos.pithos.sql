-- reconcile: undo of users-unique:astakos on host astakos1, run 20261204T030751Z-b7a9
-- database: snf_pithos at db:5432 (as seen from astakos1)
-- Restores every row this apply deleted or rewrote and removes the rows it inserted, in one
-- transaction (statements in reverse order of the changes). To restore, on astakos1:
--   psql -h db -p 5432 -U synnefo -d snf_pithos -v ON_ERROR_STOP=1 -f FILE
-- Rows are JSON (row_to_json), one per line; to restore some rows only, keep just their lines.
SET standard_conforming_strings = on;
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
-- 40 rows deleted from nodes: insert them again
INSERT INTO nodes SELECT * FROM json_populate_recordset(NULL::nodes, '[
{"node":375,"parent":0,"latest_version":null,"path":"giorgos.brown49@EXAMPLE.ORG"},
{"node":376,"parent":0,"latest_version":null,"path":"Nikos.Jones98@mail.example.net"},
{"node":377,"parent":0,"latest_version":null,"path":"SOFIA.LEE147@mail.example.net"},
{"node":378,"parent":0,"latest_version":null,"path":"giorgos.wilson196@EXAMPLE.COM"},
{"node":379,"parent":0,"latest_version":null,"path":"Anna.Papas245@mail.example.net"},
{"node":380,"parent":0,"latest_version":null,"path":"MARY.NIKOLAOU294@example.com"},
{"node":381,"parent":0,"latest_version":null,"path":"irene.ioannou343@UNI.EXAMPLE.EDU"},
{"node":382,"parent":0,"latest_version":null,"path":"Kostas.Karras392@uni.example.edu"},
{"node":383,"parent":0,"latest_version":null,"path":"HELEN.YOUNG441@mail.example.net"},
{"node":384,"parent":0,"latest_version":null,"path":"sofia.wilson490@EXAMPLE.COM"},
{"node":1133,"parent":375,"latest_version":null,"path":"giorgos.brown49@EXAMPLE.ORG/pithos"},
{"node":1134,"parent":375,"latest_version":null,"path":"giorgos.brown49@EXAMPLE.ORG/trash"},
{"node":1135,"parent":376,"latest_version":null,"path":"Nikos.Jones98@mail.example.net/pithos"},
{"node":1136,"parent":376,"latest_version":null,"path":"Nikos.Jones98@mail.example.net/trash"},
{"node":1137,"parent":377,"latest_version":null,"path":"SOFIA.LEE147@mail.example.net/pithos"},
{"node":1138,"parent":377,"latest_version":null,"path":"SOFIA.LEE147@mail.example.net/trash"},
{"node":1139,"parent":378,"latest_version":null,"path":"giorgos.wilson196@EXAMPLE.COM/pithos"},
{"node":1140,"parent":378,"latest_version":null,"path":"giorgos.wilson196@EXAMPLE.COM/trash"},
{"node":1141,"parent":379,"latest_version":null,"path":"Anna.Papas245@mail.example.net/pithos"},
{"node":1142,"parent":379,"latest_version":null,"path":"Anna.Papas245@mail.example.net/trash"},
{"node":1143,"parent":380,"latest_version":null,"path":"MARY.NIKOLAOU294@example.com/pithos"},
{"node":1144,"parent":380,"latest_version":null,"path":"MARY.NIKOLAOU294@example.com/trash"},
{"node":1145,"parent":381,"latest_version":null,"path":"irene.ioannou343@UNI.EXAMPLE.EDU/pithos"},
{"node":1146,"parent":381,"latest_version":null,"path":"irene.ioannou343@UNI.EXAMPLE.EDU/trash"},
{"node":1147,"parent":382,"latest_version":null,"path":"Kostas.Karras392@uni.example.edu/pithos"},
{"node":1148,"parent":382,"latest_version":null,"path":"Kostas.Karras392@uni.example.edu/trash"},
{"node":1149,"parent":383,"latest_version":null,"path":"HELEN.YOUNG441@mail.example.net/pithos"},
{"node":1150,"parent":383,"latest_version":null,"path":"HELEN.YOUNG441@mail.example.net/trash"},
{"node":1151,"parent":384,"latest_version":null,"path":"sofia.wilson490@EXAMPLE.COM/pithos"},
{"node":1152,"parent":384,"latest_version":null,"path":"sofia.wilson490@EXAMPLE.COM/trash"},
{"node":1764,"parent":1133,"latest_version":612,"path":"giorgos.brown49@EXAMPLE.ORG/pithos/notes.txt"},
{"node":1765,"parent":1135,"latest_version":613,"path":"Nikos.Jones98@mail.example.net/pithos/notes.txt"},
{"node":1766,"parent":1137,"latest_version":614,"path":"SOFIA.LEE147@mail.example.net/pithos/notes.txt"},
{"node":1769,"parent":1139,"latest_version":617,"path":"giorgos.wilson196@EXAMPLE.COM/pithos/notes.txt"},
{"node":1771,"parent":1141,"latest_version":619,"path":"Anna.Papas245@mail.example.net/pithos/notes.txt"},
{"node":1773,"parent":1143,"latest_version":621,"path":"MARY.NIKOLAOU294@example.com/pithos/notes.txt"},
{"node":1776,"parent":1145,"latest_version":624,"path":"irene.ioannou343@UNI.EXAMPLE.EDU/pithos/notes.txt"},
{"node":1779,"parent":1147,"latest_version":627,"path":"Kostas.Karras392@uni.example.edu/pithos/notes.txt"},
{"node":1780,"parent":1149,"latest_version":628,"path":"HELEN.YOUNG441@mail.example.net/pithos/notes.txt"},
{"node":1782,"parent":1151,"latest_version":630,"path":"sofia.wilson490@EXAMPLE.COM/pithos/notes.txt"}
]');
-- 36 rows deleted from statistics: insert them again
INSERT INTO statistics SELECT * FROM json_populate_recordset(NULL::statistics, '[
{"node":375,"population":1,"size":135266304,"mtime":1357020900.000000,"cluster":0},
{"node":376,"population":1,"size":338690048,"mtime":1357020960.000000,"cluster":0},
{"node":377,"population":3,"size":780140544,"mtime":1357021020.000000,"cluster":0},
{"node":378,"population":2,"size":439353344,"mtime":1357021080.000000,"cluster":0},
{"node":378,"population":1,"size":134742016,"mtime":1357021080.000000,"cluster":1},
{"node":379,"population":2,"size":75497472,"mtime":1357021140.000000,"cluster":0},
{"node":379,"population":1,"size":9437184,"mtime":1357021140.000000,"cluster":1},
{"node":380,"population":3,"size":717225984,"mtime":1357021200.000000,"cluster":0},
{"node":380,"population":1,"size":113770496,"mtime":1357021200.000000,"cluster":1},
{"node":381,"population":3,"size":1092616192,"mtime":1357021260.000000,"cluster":0},
{"node":382,"population":1,"size":94371840,"mtime":1357021320.000000,"cluster":0},
{"node":383,"population":2,"size":589299712,"mtime":1357021380.000000,"cluster":0},
{"node":384,"population":2,"size":122683392,"mtime":1357021440.000000,"cluster":0},
{"node":1133,"population":1,"size":135266304,"mtime":1357020900.000000,"cluster":0},
{"node":1134,"population":0,"size":0,"mtime":1357020900.000000,"cluster":0},
{"node":1135,"population":1,"size":338690048,"mtime":1357020960.000000,"cluster":0},
{"node":1136,"population":0,"size":0,"mtime":1357020960.000000,"cluster":0},
{"node":1137,"population":3,"size":780140544,"mtime":1357021020.000000,"cluster":0},
{"node":1138,"population":0,"size":0,"mtime":1357021020.000000,"cluster":0},
{"node":1139,"population":2,"size":439353344,"mtime":1357021080.000000,"cluster":0},
{"node":1139,"population":1,"size":134742016,"mtime":1357021080.000000,"cluster":1},
{"node":1140,"population":0,"size":0,"mtime":1357021080.000000,"cluster":0},
{"node":1141,"population":2,"size":75497472,"mtime":1357021140.000000,"cluster":0},
{"node":1141,"population":1,"size":9437184,"mtime":1357021140.000000,"cluster":1},
{"node":1142,"population":0,"size":0,"mtime":1357021140.000000,"cluster":0},
{"node":1143,"population":3,"size":717225984,"mtime":1357021200.000000,"cluster":0},
{"node":1143,"population":1,"size":113770496,"mtime":1357021200.000000,"cluster":1},
{"node":1144,"population":0,"size":0,"mtime":1357021200.000000,"cluster":0},
{"node":1145,"population":3,"size":1092616192,"mtime":1357021260.000000,"cluster":0},
{"node":1146,"population":0,"size":0,"mtime":1357021260.000000,"cluster":0},
{"node":1147,"population":1,"size":94371840,"mtime":1357021320.000000,"cluster":0},
{"node":1148,"population":0,"size":0,"mtime":1357021320.000000,"cluster":0},
{"node":1149,"population":2,"size":589299712,"mtime":1357021380.000000,"cluster":0},
{"node":1150,"population":0,"size":0,"mtime":1357021380.000000,"cluster":0},
{"node":1151,"population":2,"size":122683392,"mtime":1357021440.000000,"cluster":0},
{"node":1152,"population":0,"size":0,"mtime":1357021440.000000,"cluster":0}
]');
-- 41 rows deleted from policy: insert them again
INSERT INTO policy SELECT * FROM json_populate_recordset(NULL::policy, '[
{"node":381,"key":"quota","value":"1099511627776"},
{"node":1133,"key":"quota","value":"0"},
{"node":1133,"key":"versioning","value":"auto"},
{"node":1134,"key":"quota","value":"0"},
{"node":1134,"key":"versioning","value":"auto"},
{"node":1135,"key":"quota","value":"0"},
{"node":1135,"key":"versioning","value":"auto"},
{"node":1136,"key":"quota","value":"0"},
{"node":1136,"key":"versioning","value":"auto"},
{"node":1137,"key":"quota","value":"0"},
{"node":1137,"key":"versioning","value":"auto"},
{"node":1138,"key":"quota","value":"0"},
{"node":1138,"key":"versioning","value":"auto"},
{"node":1139,"key":"quota","value":"0"},
{"node":1139,"key":"versioning","value":"auto"},
{"node":1140,"key":"quota","value":"0"},
{"node":1140,"key":"versioning","value":"auto"},
{"node":1141,"key":"quota","value":"0"},
{"node":1141,"key":"versioning","value":"auto"},
{"node":1142,"key":"quota","value":"0"},
{"node":1142,"key":"versioning","value":"auto"},
{"node":1143,"key":"quota","value":"0"},
{"node":1143,"key":"versioning","value":"auto"},
{"node":1144,"key":"quota","value":"0"},
{"node":1144,"key":"versioning","value":"auto"},
{"node":1145,"key":"quota","value":"0"},
{"node":1145,"key":"versioning","value":"auto"},
{"node":1146,"key":"quota","value":"0"},
{"node":1146,"key":"versioning","value":"auto"},
{"node":1147,"key":"quota","value":"0"},
{"node":1147,"key":"versioning","value":"auto"},
{"node":1148,"key":"quota","value":"0"},
{"node":1148,"key":"versioning","value":"auto"},
{"node":1149,"key":"quota","value":"0"},
{"node":1149,"key":"versioning","value":"auto"},
{"node":1150,"key":"quota","value":"0"},
{"node":1150,"key":"versioning","value":"auto"},
{"node":1151,"key":"quota","value":"0"},
{"node":1151,"key":"versioning","value":"auto"},
{"node":1152,"key":"quota","value":"0"},
{"node":1152,"key":"versioning","value":"auto"}
]');
-- 11 rows inserted into xfeaturevals: remove them
DELETE FROM xfeaturevals AS t USING json_populate_recordset(NULL::xfeaturevals, '[
{"feature_id":34,"key":0,"value":"giorgos.brown49@example.org:team"},
{"feature_id":34,"key":0,"value":"kostas.karras392@uni.example.edu"},
{"feature_id":36,"key":0,"value":"sofia.lee147@mail.example.net:team"},
{"feature_id":41,"key":0,"value":"kostas.karras392@uni.example.edu:team"},
{"feature_id":37,"key":0,"value":"giorgos.wilson196@example.com:team"},
{"feature_id":43,"key":0,"value":"sofia.wilson490@example.com:team"},
{"feature_id":35,"key":0,"value":"nikos.jones98@mail.example.net:team"},
{"feature_id":39,"key":0,"value":"mary.nikolaou294@example.com:team"},
{"feature_id":40,"key":0,"value":"irene.ioannou343@uni.example.edu:team"},
{"feature_id":42,"key":0,"value":"helen.young441@mail.example.net:team"},
{"feature_id":15,"key":0,"value":"anna.papas245@mail.example.net:team"}
]') AS r WHERE t."feature_id" = r."feature_id" AND t."key" = r."key" AND t."value" = r."value";
-- 11 rows deleted from xfeaturevals: insert them again
INSERT INTO xfeaturevals SELECT * FROM json_populate_recordset(NULL::xfeaturevals, '[
{"feature_id":34,"key":0,"value":"Kostas.Karras392@uni.example.edu"},
{"feature_id":34,"key":0,"value":"giorgos.brown49@EXAMPLE.ORG:team"},
{"feature_id":35,"key":0,"value":"Nikos.Jones98@mail.example.net:team"},
{"feature_id":36,"key":0,"value":"SOFIA.LEE147@mail.example.net:team"},
{"feature_id":37,"key":0,"value":"giorgos.wilson196@EXAMPLE.COM:team"},
{"feature_id":39,"key":0,"value":"MARY.NIKOLAOU294@example.com:team"},
{"feature_id":40,"key":0,"value":"irene.ioannou343@UNI.EXAMPLE.EDU:team"},
{"feature_id":41,"key":0,"value":"Kostas.Karras392@uni.example.edu:team"},
{"feature_id":42,"key":0,"value":"HELEN.YOUNG441@mail.example.net:team"},
{"feature_id":43,"key":0,"value":"sofia.wilson490@EXAMPLE.COM:team"},
{"feature_id":15,"key":0,"value":"Anna.Papas245@mail.example.net:team"}
]');
-- 9 rows of xfeatures rewritten: set them back
UPDATE xfeatures AS t SET "path" = r."path" FROM json_populate_recordset(NULL::xfeatures, '[
{"feature_id":34,"path":"giorgos.brown49@EXAMPLE.ORG/pithos/notes.txt"},
{"feature_id":35,"path":"Nikos.Jones98@mail.example.net/pithos/notes.txt"},
{"feature_id":36,"path":"SOFIA.LEE147@mail.example.net/pithos/notes.txt"},
{"feature_id":37,"path":"giorgos.wilson196@EXAMPLE.COM/pithos/notes.txt"},
{"feature_id":39,"path":"MARY.NIKOLAOU294@example.com/pithos/notes.txt"},
{"feature_id":40,"path":"irene.ioannou343@UNI.EXAMPLE.EDU/pithos/notes.txt"},
{"feature_id":41,"path":"Kostas.Karras392@uni.example.edu/pithos/notes.txt"},
{"feature_id":42,"path":"HELEN.YOUNG441@mail.example.net/pithos/notes.txt"},
{"feature_id":43,"path":"sofia.wilson490@EXAMPLE.COM/pithos/notes.txt"}
]') AS r WHERE t."feature_id" = r."feature_id";
-- 1 rows deleted from xfeatures: insert them again
INSERT INTO xfeatures SELECT * FROM json_populate_recordset(NULL::xfeatures, '[
{"feature_id":38,"path":"Anna.Papas245@mail.example.net/pithos/notes.txt"}
]');
-- 2 rows deleted from xfeaturevals: insert them again
INSERT INTO xfeaturevals SELECT * FROM json_populate_recordset(NULL::xfeaturevals, '[
{"feature_id":38,"key":0,"value":"yannis.doe9@example.com"},
{"feature_id":38,"key":0,"value":"Anna.Papas245@mail.example.net:team"}
]');
-- 2 rows inserted into xfeaturevals: remove them
DELETE FROM xfeaturevals AS t USING json_populate_recordset(NULL::xfeaturevals, '[
{"feature_id":15,"key":0,"value":"yannis.doe9@example.com"},
{"feature_id":15,"key":0,"value":"Anna.Papas245@mail.example.net:team"}
]') AS r WHERE t."feature_id" = r."feature_id" AND t."key" = r."key" AND t."value" = r."value";
-- 27 rows inserted into "groups": remove them
DELETE FROM "groups" AS t USING json_populate_recordset(NULL::"groups", '[
{"owner":"irene.ioannou343@uni.example.edu","name":"team","member":"nikos.papas12@uni.example.edu"},
{"owner":"giorgos.brown49@example.org","name":"team","member":"giorgos.brown49@example.org"},
{"owner":"mary.nikolaou294@example.com","name":"team","member":"eleni.ioannou3@example.com"},
{"owner":"giorgos.brown49@example.org","name":"team","member":"kostas.karras392@uni.example.edu"},
{"owner":"anna.papas245@mail.example.net","name":"team","member":"anna.papas245@mail.example.net"},
{"owner":"sofia.lee147@mail.example.net","name":"team","member":"sofia.lee147@mail.example.net"},
{"owner":"nikos.jones98@mail.example.net","name":"team","member":"helen.young441@mail.example.net"},
{"owner":"sofia.wilson490@example.com","name":"team","member":"sofia.wilson490@example.com"},
{"owner":"giorgos.wilson196@example.com","name":"team","member":"paul.garcia8@uni.example.edu"},
{"owner":"kostas.karras392@uni.example.edu","name":"team","member":"kostas.karras392@uni.example.edu"},
{"owner":"giorgos.wilson196@example.com","name":"team","member":"giorgos.wilson196@example.com"},
{"owner":"mary.nikolaou294@example.com","name":"team","member":"mary.nikolaou294@example.com"},
{"owner":"sofia.lee147@mail.example.net","name":"team","member":"dimitris.brown7@mail.example.net"},
{"owner":"helen.young441@mail.example.net","name":"team","member":"helen.young441@mail.example.net"},
{"owner":"irene.ioannou343@uni.example.edu","name":"team","member":"irene.ioannou343@uni.example.edu"},
{"owner":"helen.young441@mail.example.net","name":"team","member":"eleni.ioannou15@example.org"},
{"owner":"giorgos.wilson196@example.com","name":"team","member":"dimitris.clark1@uni.example.edu"},
{"owner":"sofia.lee147@mail.example.net","name":"team","member":"sofia.wilson490@example.com"},
{"owner":"mary.nikolaou294@example.com","name":"team","member":"dimitris.garcia10@mail.example.net"},
{"owner":"anna.papas245@mail.example.net","name":"team","member":"yannis.doe9@example.com"},
{"owner":"anna.papas245@mail.example.net","name":"team","member":"maria.young2@example.com"},
{"owner":"nikos.jones98@mail.example.net","name":"team","member":"nikos.jones98@mail.example.net"},
{"owner":"helen.young441@mail.example.net","name":"team","member":"anna.jones6@example.org"},
{"owner":"sofia.wilson490@example.com","name":"team","member":"chris.doe16@example.com"},
{"owner":"irene.ioannou343@uni.example.edu","name":"team","member":"katerina.papadopoulos4@uni.example.edu"},
{"owner":"sofia.wilson490@example.com","name":"team","member":"dimitris.brown7@mail.example.net"},
{"owner":"kostas.karras392@uni.example.edu","name":"team","member":"john.ioannou5@example.com"}
]') AS r WHERE t."owner" = r."owner" AND t."name" = r."name" AND t."member" = r."member";
-- 27 rows deleted from "groups": insert them again
INSERT INTO "groups" SELECT * FROM json_populate_recordset(NULL::"groups", '[
{"owner":"Anna.Papas245@mail.example.net","name":"team","member":"anna.papas245@mail.example.net"},
{"owner":"Anna.Papas245@mail.example.net","name":"team","member":"maria.young2@example.com"},
{"owner":"Anna.Papas245@mail.example.net","name":"team","member":"yannis.doe9@example.com"},
{"owner":"HELEN.YOUNG441@mail.example.net","name":"team","member":"anna.jones6@example.org"},
{"owner":"HELEN.YOUNG441@mail.example.net","name":"team","member":"eleni.ioannou15@example.org"},
{"owner":"HELEN.YOUNG441@mail.example.net","name":"team","member":"helen.young441@mail.example.net"},
{"owner":"Kostas.Karras392@uni.example.edu","name":"team","member":"john.ioannou5@example.com"},
{"owner":"Kostas.Karras392@uni.example.edu","name":"team","member":"kostas.karras392@uni.example.edu"},
{"owner":"MARY.NIKOLAOU294@example.com","name":"team","member":"dimitris.garcia10@mail.example.net"},
{"owner":"MARY.NIKOLAOU294@example.com","name":"team","member":"eleni.ioannou3@example.com"},
{"owner":"MARY.NIKOLAOU294@example.com","name":"team","member":"mary.nikolaou294@example.com"},
{"owner":"Nikos.Jones98@mail.example.net","name":"team","member":"HELEN.YOUNG441@mail.example.net"},
{"owner":"Nikos.Jones98@mail.example.net","name":"team","member":"nikos.jones98@mail.example.net"},
{"owner":"SOFIA.LEE147@mail.example.net","name":"team","member":"dimitris.brown7@mail.example.net"},
{"owner":"SOFIA.LEE147@mail.example.net","name":"team","member":"sofia.lee147@mail.example.net"},
{"owner":"SOFIA.LEE147@mail.example.net","name":"team","member":"sofia.wilson490@EXAMPLE.COM"},
{"owner":"giorgos.brown49@EXAMPLE.ORG","name":"team","member":"Kostas.Karras392@uni.example.edu"},
{"owner":"giorgos.brown49@EXAMPLE.ORG","name":"team","member":"giorgos.brown49@example.org"},
{"owner":"giorgos.wilson196@EXAMPLE.COM","name":"team","member":"dimitris.clark1@uni.example.edu"},
{"owner":"giorgos.wilson196@EXAMPLE.COM","name":"team","member":"giorgos.wilson196@example.com"},
{"owner":"giorgos.wilson196@EXAMPLE.COM","name":"team","member":"paul.garcia8@uni.example.edu"},
{"owner":"irene.ioannou343@UNI.EXAMPLE.EDU","name":"team","member":"irene.ioannou343@uni.example.edu"},
{"owner":"irene.ioannou343@UNI.EXAMPLE.EDU","name":"team","member":"katerina.papadopoulos4@uni.example.edu"},
{"owner":"irene.ioannou343@UNI.EXAMPLE.EDU","name":"team","member":"nikos.papas12@uni.example.edu"},
{"owner":"sofia.wilson490@EXAMPLE.COM","name":"team","member":"chris.doe16@example.com"},
{"owner":"sofia.wilson490@EXAMPLE.COM","name":"team","member":"dimitris.brown7@mail.example.net"},
{"owner":"sofia.wilson490@EXAMPLE.COM","name":"team","member":"sofia.wilson490@example.com"}
]');
-- 3 rows inserted into policy: remove them
DELETE FROM policy AS t USING json_populate_recordset(NULL::policy, '[
{"node":77,"key":"quota","value":"0"},
{"node":152,"key":"quota","value":"107374182400"},
{"node":301,"key":"quota","value":"53687091200"}
]') AS r WHERE t."node" = r."node" AND t."key" = r."key";
-- 3 rows deleted from policy: insert them again
INSERT INTO policy SELECT * FROM json_populate_recordset(NULL::policy, '[
{"node":376,"key":"quota","value":"0"},
{"node":378,"key":"quota","value":"107374182400"},
{"node":382,"key":"quota","value":"53687091200"}
]');
-- 23 rows of versions rewritten: set them back
UPDATE versions AS t SET "node" = r."node", "hash" = r."hash", "size" = r."size", "type" = r."type", "source" = r."source", "mtime" = r."mtime", "muser" = r."muser", "uuid" = r."uuid", "checksum" = r."checksum", "cluster" = r."cluster" FROM json_populate_recordset(NULL::versions, '[
{"serial":615,"node":1767,"hash":"de6e27ae656aadca27aaecaa6c9088910688026b555c8fd19a8c1f620c3d3dea","size":116391936,"type":"application/octet-stream","source":null,"mtime":1357035300.000000,"muser":"SOFIA.LEE147@mail.example.net","uuid":"b31c1b1b-2763-4117-ad74-2eee571326d8","checksum":"fca66bc4fc529b6554e7a179884b1122","cluster":0},
{"serial":616,"node":1768,"hash":"f73ccfeaed7018f3a25a36ba2c9b47f2e6e1462fd29aabb1a81690c21e605ae4","size":420478976,"type":"application/octet-stream","source":null,"mtime":1357035360.000000,"muser":"SOFIA.LEE147@mail.example.net","uuid":"187e2813-419e-4259-a278-70058455785e","checksum":"7d46e4d71ea5d917b7ea472c25a41786","cluster":0},
{"serial":618,"node":1770,"hash":"89d968cc7767c7073eabc51dfac2dbc90ea2c49ba31f3d62dcbc1b4d3c69871f","size":169869312,"type":"application/octet-stream","source":null,"mtime":1357035480.000000,"muser":"giorgos.wilson196@EXAMPLE.COM","uuid":"a998d79f-1c73-4f2d-a0b3-197120475efc","checksum":"d4ae18d7c3c2a894c4ff4bac2f4ae665","cluster":0},
{"serial":620,"node":1772,"hash":"6beaeeb6b1cc72bbe98648ac4a9d4e22eb5fc0fc9e9e6139579182ebd76a73d8","size":18874368,"type":"application/octet-stream","source":null,"mtime":1357035600.000000,"muser":"Anna.Papas245@mail.example.net","uuid":"c235b230-6356-4ae5-a901-606fbd4c8438","checksum":"1755b121a9b9c73d510702424e12e0fa","cluster":0},
{"serial":622,"node":1774,"hash":"ad07e3482219dba6f38f43864cf53f281d5e516bd23358e190f2f915cd62086a","size":227540992,"type":"application/octet-stream","source":null,"mtime":1357035720.000000,"muser":"MARY.NIKOLAOU294@example.com","uuid":"64c1a0fc-4fcb-467e-ad94-3dd6b342dd44","checksum":"f4cf326940fbb237b0c63d3e2ca77a52","cluster":0},
{"serial":623,"node":1775,"hash":"da63a4ecceb827e44ad6bfb5598aefbda52ce4150b3a5c8667a5daa681c36bdf","size":221249536,"type":"application/octet-stream","source":null,"mtime":1357035780.000000,"muser":"MARY.NIKOLAOU294@example.com","uuid":"663faa23-21f9-44b0-a14c-95f040c62a04","checksum":"16f10ca25579625cee47f5ae44d98347","cluster":0},
{"serial":625,"node":1777,"hash":"4865e2f6eaa35dad7a928bb379189410ef784b9601af2efe6cc1c79a6fee4d43","size":244318208,"type":"application/octet-stream","source":null,"mtime":1357035900.000000,"muser":"irene.ioannou343@UNI.EXAMPLE.EDU","uuid":"29de638d-c0db-499f-af1a-303f527339e1","checksum":"e9fe7cd6d5864c88b810d17f449ba9c8","cluster":0},
{"serial":626,"node":1778,"hash":"b9e0ad656d0c1c57ed766fe413193bb12b5b3f6ccb8dba93249ac3c9efac8ae9","size":312475648,"type":"application/octet-stream","source":null,"mtime":1357035960.000000,"muser":"irene.ioannou343@UNI.EXAMPLE.EDU","uuid":"d1f233b3-8822-4d89-a637-6d257827477c","checksum":"5d7bfe953b4f6d4aa0557df2e059175c","cluster":0},
{"serial":629,"node":1781,"hash":"c3c50d4eeac477a0cb72183dce6d085552ed8a87c7011f612d5b86bdfc16244d","size":387973120,"type":"application/octet-stream","source":null,"mtime":1357036140.000000,"muser":"HELEN.YOUNG441@mail.example.net","uuid":"4c24ed4d-865a-4a86-aa9f-7bdbd327ea77","checksum":"dea4c319e5296bf92a8f0d96a3488d07","cluster":0},
{"serial":631,"node":1783,"hash":"5b2aacbf24a498a72441f88c5abfad9ff1b2d8d2fc35b8c34efbf7734720ff17","size":56623104,"type":"application/octet-stream","source":null,"mtime":1357036260.000000,"muser":"sofia.wilson490@EXAMPLE.COM","uuid":"bcef11c9-0458-4337-af1a-3bfcf0fff16f","checksum":"bce22036cfc7e3eee10918c9b54db24b","cluster":0},
{"serial":1251,"node":1772,"hash":"7ebcf4490b795cff8f5e683f41155da7bc980ba32dd80b01e4d5641d4f856d53","size":9437184,"type":"application/octet-stream","source":null,"mtime":1325413200.000000,"muser":"Anna.Papas245@mail.example.net","uuid":"c235b230-6356-4ae5-a901-606fbd4c8438","checksum":"b46972836e741cd0daa98b4d48c710de","cluster":1},
{"serial":1253,"node":1774,"hash":"6cce6348ef66b71a316040515caad038a42612f62b3d9f7c119aeb6a0bf2f911","size":113770496,"type":"application/octet-stream","source":null,"mtime":1325413320.000000,"muser":"MARY.NIKOLAOU294@example.com","uuid":"64c1a0fc-4fcb-467e-ad94-3dd6b342dd44","checksum":"80b6aa7501fe54dadca89295d0a22d09","cluster":1},
{"serial":619,"node":1462,"hash":"23e8e42ab87235d4f103e697f736bf190e75f7f65406c235d728880267a799d0","size":56623104,"type":"application/octet-stream","source":null,"mtime":1357035540.000000,"muser":"Anna.Papas245@mail.example.net","uuid":"cbe104e0-9af4-4920-aaf5-75d282616736","checksum":"47cab32ac8f488e0796f5da562c4d742","cluster":0},
{"serial":612,"node":1217,"hash":"cbc5c7ed0e32fc2360ebf83eb0a7ff73fec8c0408a3bb139fd9e9761df65c08f","size":135266304,"type":"application/octet-stream","source":null,"mtime":1357035120.000000,"muser":"giorgos.brown49@EXAMPLE.ORG","uuid":"6fbcdbb3-12cc-4c6d-ae95-f353da6b9e1f","checksum":"fbf368b7b4fcb969f2dffe7561ed23aa","cluster":0},
{"serial":1248,"node":1402,"hash":"a050d287b07100830f3daa16a16b7ca627486cf54f1a344cb3fb0453a62a02b9","size":134742016,"type":"application/octet-stream","source":null,"mtime":1325413020.000000,"muser":"giorgos.wilson196@EXAMPLE.COM","uuid":"94cfc8d6-5d62-48eb-a4c7-1330c2e21716","checksum":"e233f09625e3dc70e8daf728ea2625bc","cluster":1},
{"serial":617,"node":1402,"hash":"d5d35bf605e5566dcbf48b5e3406b10db70aadaa42a269716a97934b25d73327","size":269484032,"type":"application/octet-stream","source":null,"mtime":1357035420.000000,"muser":"giorgos.wilson196@EXAMPLE.COM","uuid":"94cfc8d6-5d62-48eb-a4c7-1330c2e21716","checksum":"b2855cd0dfcc94fc36a2701bc04f880d","cluster":0},
{"serial":628,"node":1711,"hash":"d5909b2713fde56497906c1d529053d3471851c51948686a9a085088a8099907","size":201326592,"type":"application/octet-stream","source":null,"mtime":1357036080.000000,"muser":"HELEN.YOUNG441@mail.example.net","uuid":"7a91359a-e371-4f83-ad08-9fc52db02897","checksum":"225fddec2c6c2993b540a19e6ac4bf17","cluster":0},
{"serial":624,"node":1591,"hash":"f1aed0eb4b6c4ecc1b40b1b1bc1d905dceb9945cc46a9dcb83bd8c0e0ba8ba4b","size":535822336,"type":"application/octet-stream","source":null,"mtime":1357035840.000000,"muser":"irene.ioannou343@UNI.EXAMPLE.EDU","uuid":"230d5619-bf48-4be1-aa0e-529ad2e807b7","checksum":"01ce5a1eb9052dcc5bcc099062f34713","cluster":0},
{"serial":627,"node":1647,"hash":"8ca2a8e406e6193bd86255be9ceaff8a8ba7d410934210faba6b2433cabf92b6","size":94371840,"type":"application/octet-stream","source":null,"mtime":1357036020.000000,"muser":"Kostas.Karras392@uni.example.edu","uuid":"520ae7e0-374d-4617-a4d6-23f54a88d83c","checksum":"7a5459f9affeb24cab60605d25b7a5ee","cluster":0},
{"serial":621,"node":1529,"hash":"c80530bcb5247697891d1458cdbadd7b7fac4cce6c772790f8a8aab921e8abdb","size":268435456,"type":"application/octet-stream","source":null,"mtime":1357035660.000000,"muser":"MARY.NIKOLAOU294@example.com","uuid":"3f0033cb-e8fb-46e9-adf0-5193c83c5505","checksum":"b73fbf32f05ed13e5a959f8dc19ccb2e","cluster":0},
{"serial":613,"node":1274,"hash":"515bce2990bff99dc625a91ffabc73549b0f9526c9bd710a067bba41142e4169","size":338690048,"type":"application/octet-stream","source":null,"mtime":1357035180.000000,"muser":"Nikos.Jones98@mail.example.net","uuid":"800fc14c-7628-412c-a8b5-baf3d9920e18","checksum":"6ef736f0220f437316e4fbf9743bbd4e","cluster":0},
{"serial":614,"node":1333,"hash":"c40468ae4e7da337a0f780f69ea41e62faad8dc0e3e6ad7067bbe4aba4e77cca","size":243269632,"type":"application/octet-stream","source":null,"mtime":1357035240.000000,"muser":"SOFIA.LEE147@mail.example.net","uuid":"fc8a49b3-3633-4792-a0d3-87810e81b7e9","checksum":"56ed7a56f4194be01b349509cffb5665","cluster":0},
{"serial":630,"node":1763,"hash":"a1910c4b671eec5a00694fc66e387596fb0ad99edbb61ac5d8e4f43861f965dd","size":66060288,"type":"application/octet-stream","source":null,"mtime":1357036200.000000,"muser":"sofia.wilson490@EXAMPLE.COM","uuid":"f16db7b8-308e-4d34-a991-4bb7a79a3bdc","checksum":"4e831cb406419dd5f546e0964e28d262","cluster":0}
]') AS r WHERE t."serial" = r."serial";
-- 10 rows of nodes rewritten: set them back
UPDATE nodes AS t SET "parent" = r."parent", "latest_version" = r."latest_version", "path" = r."path" FROM json_populate_recordset(NULL::nodes, '[
{"node":1767,"parent":1137,"latest_version":615,"path":"SOFIA.LEE147@mail.example.net/pithos/backup/archive-377-2.bin"},
{"node":1768,"parent":1137,"latest_version":616,"path":"SOFIA.LEE147@mail.example.net/pithos/backup/archive-377-3.bin"},
{"node":1770,"parent":1139,"latest_version":618,"path":"giorgos.wilson196@EXAMPLE.COM/pithos/notes-378-2.bin"},
{"node":1772,"parent":1141,"latest_version":620,"path":"Anna.Papas245@mail.example.net/pithos/photos/img-379-2.bin"},
{"node":1774,"parent":1143,"latest_version":622,"path":"MARY.NIKOLAOU294@example.com/pithos/notes-380-2.bin"},
{"node":1775,"parent":1143,"latest_version":623,"path":"MARY.NIKOLAOU294@example.com/pithos/backup/archive-380-3.bin"},
{"node":1777,"parent":1145,"latest_version":625,"path":"irene.ioannou343@UNI.EXAMPLE.EDU/pithos/backup/archive-381-2.bin"},
{"node":1778,"parent":1145,"latest_version":626,"path":"irene.ioannou343@UNI.EXAMPLE.EDU/pithos/backup/archive-381-3.bin"},
{"node":1781,"parent":1149,"latest_version":629,"path":"HELEN.YOUNG441@mail.example.net/pithos/photos/img-383-2.bin"},
{"node":1783,"parent":1151,"latest_version":631,"path":"sofia.wilson490@EXAMPLE.COM/pithos/notes-384-2.bin"}
]') AS r WHERE t."node" = r."node";
-- 12 rows inserted into statistics: remove them
DELETE FROM statistics AS t USING json_populate_recordset(NULL::statistics, '[
{"node":262,"population":1,"size":176160768,"mtime":null,"cluster":1},
{"node":114,"population":1,"size":239075328,"mtime":null,"cluster":1},
{"node":77,"population":1,"size":392167424,"mtime":null,"cluster":1},
{"node":907,"population":1,"size":176160768,"mtime":null,"cluster":1},
{"node":537,"population":1,"size":392167424,"mtime":null,"cluster":1},
{"node":339,"population":1,"size":11534336,"mtime":null,"cluster":1},
{"node":374,"population":1,"size":81788928,"mtime":null,"cluster":1},
{"node":301,"population":1,"size":9437184,"mtime":null,"cluster":1},
{"node":611,"population":1,"size":239075328,"mtime":null,"cluster":1},
{"node":1061,"population":1,"size":11534336,"mtime":null,"cluster":1},
{"node":985,"population":1,"size":9437184,"mtime":null,"cluster":1},
{"node":1131,"population":1,"size":81788928,"mtime":null,"cluster":1}
]') AS r WHERE t."node" = r."node" AND t."cluster" = r."cluster";
-- 28 rows of statistics rewritten: set them back
UPDATE statistics AS t SET "population" = r."population", "size" = r."size", "mtime" = r."mtime" FROM json_populate_recordset(NULL::statistics, '[
{"node":40,"population":1,"size":254279680,"mtime":1357000800.000000,"cluster":1},
{"node":463,"population":1,"size":254279680,"mtime":1357000800.000000,"cluster":1},
{"node":463,"population":3,"size":718274560,"mtime":1357020900.000000,"cluster":0},
{"node":537,"population":4,"size":1750073344,"mtime":1357020960.000000,"cluster":0},
{"node":611,"population":4,"size":1019215872,"mtime":1357021020.000000,"cluster":0},
{"node":687,"population":5,"size":1422917632,"mtime":1357021080.000000,"cluster":0},
{"node":755,"population":5,"size":1097859072,"mtime":1357021140.000000,"cluster":0},
{"node":835,"population":6,"size":1550843904,"mtime":1357021200.000000,"cluster":0},
{"node":835,"population":2,"size":169345024,"mtime":1357021200.000000,"cluster":1},
{"node":907,"population":5,"size":1442840576,"mtime":1357021260.000000,"cluster":0},
{"node":985,"population":4,"size":543162368,"mtime":1357021320.000000,"cluster":0},
{"node":1061,"population":3,"size":600834048,"mtime":1357021380.000000,"cluster":0},
{"node":1131,"population":3,"size":204472320,"mtime":1357021440.000000,"cluster":0},
{"node":687,"population":1,"size":134742016,"mtime":1357021080.000000,"cluster":1},
{"node":755,"population":1,"size":9437184,"mtime":1357021140.000000,"cluster":1},
{"node":40,"population":3,"size":718274560,"mtime":1357020900.000000,"cluster":0},
{"node":77,"population":4,"size":1750073344,"mtime":1357020960.000000,"cluster":0},
{"node":114,"population":4,"size":1019215872,"mtime":1357021020.000000,"cluster":0},
{"node":152,"population":5,"size":1422917632,"mtime":1357021080.000000,"cluster":0},
{"node":186,"population":5,"size":1097859072,"mtime":1357021140.000000,"cluster":0},
{"node":226,"population":6,"size":1550843904,"mtime":1357021200.000000,"cluster":0},
{"node":226,"population":2,"size":169345024,"mtime":1357021200.000000,"cluster":1},
{"node":262,"population":5,"size":1442840576,"mtime":1357021260.000000,"cluster":0},
{"node":301,"population":4,"size":543162368,"mtime":1357021320.000000,"cluster":0},
{"node":339,"population":3,"size":600834048,"mtime":1357021380.000000,"cluster":0},
{"node":374,"population":3,"size":204472320,"mtime":1357021440.000000,"cluster":0},
{"node":186,"population":1,"size":9437184,"mtime":1357021140.000000,"cluster":1},
{"node":152,"population":1,"size":134742016,"mtime":1357021080.000000,"cluster":1}
]') AS r WHERE t."node" = r."node" AND t."cluster" = r."cluster";
-- 10 rows of nodes rewritten: set them back
UPDATE nodes AS t SET "parent" = r."parent", "latest_version" = r."latest_version", "path" = r."path" FROM json_populate_recordset(NULL::nodes, '[
{"node":1217,"parent":463,"latest_version":65,"path":"giorgos.brown49@example.org/pithos/notes.txt"},
{"node":1274,"parent":537,"latest_version":122,"path":"nikos.jones98@mail.example.net/pithos/notes.txt"},
{"node":1333,"parent":611,"latest_version":181,"path":"sofia.lee147@mail.example.net/pithos/notes.txt"},
{"node":1402,"parent":687,"latest_version":250,"path":"giorgos.wilson196@example.com/pithos/notes.txt"},
{"node":1462,"parent":755,"latest_version":310,"path":"anna.papas245@mail.example.net/pithos/notes.txt"},
{"node":1529,"parent":835,"latest_version":377,"path":"mary.nikolaou294@example.com/pithos/notes.txt"},
{"node":1591,"parent":907,"latest_version":439,"path":"irene.ioannou343@uni.example.edu/pithos/notes.txt"},
{"node":1647,"parent":985,"latest_version":495,"path":"kostas.karras392@uni.example.edu/pithos/notes.txt"},
{"node":1711,"parent":1061,"latest_version":559,"path":"helen.young441@mail.example.net/pithos/notes.txt"},
{"node":1763,"parent":1131,"latest_version":611,"path":"sofia.wilson490@example.com/pithos/notes.txt"}
]') AS r WHERE t."node" = r."node";
-- 11 rows of versions rewritten: set them back
UPDATE versions AS t SET "node" = r."node", "hash" = r."hash", "size" = r."size", "type" = r."type", "source" = r."source", "mtime" = r."mtime", "muser" = r."muser", "uuid" = r."uuid", "checksum" = r."checksum", "cluster" = r."cluster" FROM json_populate_recordset(NULL::versions, '[
{"serial":612,"node":1764,"hash":"cbc5c7ed0e32fc2360ebf83eb0a7ff73fec8c0408a3bb139fd9e9761df65c08f","size":135266304,"type":"application/octet-stream","source":null,"mtime":1357035120.000000,"muser":"giorgos.brown49@EXAMPLE.ORG","uuid":"6fbcdbb3-12cc-4c6d-ae95-f353da6b9e1f","checksum":"fbf368b7b4fcb969f2dffe7561ed23aa","cluster":0},
{"serial":613,"node":1765,"hash":"515bce2990bff99dc625a91ffabc73549b0f9526c9bd710a067bba41142e4169","size":338690048,"type":"application/octet-stream","source":null,"mtime":1357035180.000000,"muser":"Nikos.Jones98@mail.example.net","uuid":"800fc14c-7628-412c-a8b5-baf3d9920e18","checksum":"6ef736f0220f437316e4fbf9743bbd4e","cluster":0},
{"serial":614,"node":1766,"hash":"c40468ae4e7da337a0f780f69ea41e62faad8dc0e3e6ad7067bbe4aba4e77cca","size":243269632,"type":"application/octet-stream","source":null,"mtime":1357035240.000000,"muser":"SOFIA.LEE147@mail.example.net","uuid":"fc8a49b3-3633-4792-a0d3-87810e81b7e9","checksum":"56ed7a56f4194be01b349509cffb5665","cluster":0},
{"serial":617,"node":1769,"hash":"d5d35bf605e5566dcbf48b5e3406b10db70aadaa42a269716a97934b25d73327","size":269484032,"type":"application/octet-stream","source":null,"mtime":1357035420.000000,"muser":"giorgos.wilson196@EXAMPLE.COM","uuid":"94cfc8d6-5d62-48eb-a4c7-1330c2e21716","checksum":"b2855cd0dfcc94fc36a2701bc04f880d","cluster":0},
{"serial":619,"node":1771,"hash":"23e8e42ab87235d4f103e697f736bf190e75f7f65406c235d728880267a799d0","size":56623104,"type":"application/octet-stream","source":null,"mtime":1357035540.000000,"muser":"Anna.Papas245@mail.example.net","uuid":"cbe104e0-9af4-4920-aaf5-75d282616736","checksum":"47cab32ac8f488e0796f5da562c4d742","cluster":0},
{"serial":621,"node":1773,"hash":"c80530bcb5247697891d1458cdbadd7b7fac4cce6c772790f8a8aab921e8abdb","size":268435456,"type":"application/octet-stream","source":null,"mtime":1357035660.000000,"muser":"MARY.NIKOLAOU294@example.com","uuid":"3f0033cb-e8fb-46e9-adf0-5193c83c5505","checksum":"b73fbf32f05ed13e5a959f8dc19ccb2e","cluster":0},
{"serial":624,"node":1776,"hash":"f1aed0eb4b6c4ecc1b40b1b1bc1d905dceb9945cc46a9dcb83bd8c0e0ba8ba4b","size":535822336,"type":"application/octet-stream","source":null,"mtime":1357035840.000000,"muser":"irene.ioannou343@UNI.EXAMPLE.EDU","uuid":"230d5619-bf48-4be1-aa0e-529ad2e807b7","checksum":"01ce5a1eb9052dcc5bcc099062f34713","cluster":0},
{"serial":627,"node":1779,"hash":"8ca2a8e406e6193bd86255be9ceaff8a8ba7d410934210faba6b2433cabf92b6","size":94371840,"type":"application/octet-stream","source":null,"mtime":1357036020.000000,"muser":"Kostas.Karras392@uni.example.edu","uuid":"520ae7e0-374d-4617-a4d6-23f54a88d83c","checksum":"7a5459f9affeb24cab60605d25b7a5ee","cluster":0},
{"serial":628,"node":1780,"hash":"d5909b2713fde56497906c1d529053d3471851c51948686a9a085088a8099907","size":201326592,"type":"application/octet-stream","source":null,"mtime":1357036080.000000,"muser":"HELEN.YOUNG441@mail.example.net","uuid":"7a91359a-e371-4f83-ad08-9fc52db02897","checksum":"225fddec2c6c2993b540a19e6ac4bf17","cluster":0},
{"serial":630,"node":1782,"hash":"a1910c4b671eec5a00694fc66e387596fb0ad99edbb61ac5d8e4f43861f965dd","size":66060288,"type":"application/octet-stream","source":null,"mtime":1357036200.000000,"muser":"sofia.wilson490@EXAMPLE.COM","uuid":"f16db7b8-308e-4d34-a991-4bb7a79a3bdc","checksum":"4e831cb406419dd5f546e0964e28d262","cluster":0},
{"serial":1248,"node":1769,"hash":"a050d287b07100830f3daa16a16b7ca627486cf54f1a344cb3fb0453a62a02b9","size":134742016,"type":"application/octet-stream","source":null,"mtime":1325413020.000000,"muser":"giorgos.wilson196@EXAMPLE.COM","uuid":"94cfc8d6-5d62-48eb-a4c7-1330c2e21716","checksum":"e233f09625e3dc70e8daf728ea2625bc","cluster":1}
]') AS r WHERE t."serial" = r."serial";
-- 10 rows of versions rewritten: set them back
UPDATE versions AS t SET "node" = r."node", "hash" = r."hash", "size" = r."size", "type" = r."type", "source" = r."source", "mtime" = r."mtime", "muser" = r."muser", "uuid" = r."uuid", "checksum" = r."checksum", "cluster" = r."cluster" FROM json_populate_recordset(NULL::versions, '[
{"serial":65,"node":1217,"hash":"8e5e47a911c30baeee2e050ae117c329e5e19cb110f685bf3416fe18b3b6cba9","size":508559360,"type":"application/octet-stream","source":null,"mtime":1357002300.000000,"muser":"giorgos.brown49@example.org","uuid":"c2071ce6-45ee-4ae0-ab19-3fdcd085d675","checksum":"ea59843c6c902f4a7c0063958b7fc4a1","cluster":0},
{"serial":122,"node":1274,"hash":"14d46c94c03703201ebde42756538ddab361cf0ec2c00a6e0dea4a1d74a599fa","size":392167424,"type":"application/octet-stream","source":null,"mtime":1357005720.000000,"muser":"nikos.jones98@mail.example.net","uuid":"d45cc876-29cf-48d4-a851-1904f5eb81b5","checksum":"c50fabbd4a7e7218887e21e61cd71c96","cluster":0},
{"serial":181,"node":1333,"hash":"36698a26b52845b6227943d02fae622386f0cda3fd9734b8392d915564fd5eb9","size":239075328,"type":"application/octet-stream","source":null,"mtime":1357009260.000000,"muser":"sofia.lee147@mail.example.net","uuid":"e702f058-715b-4129-a662-56672c6507cd","checksum":"6b8ef7219679f6ee52387aa26ff54b6b","cluster":0},
{"serial":250,"node":1402,"hash":"eb73267d7fe97b2542d16244cd24a8548bf84d6e25c2a2e77d3141bcaaac4280","size":4194304,"type":"application/octet-stream","source":null,"mtime":1357013400.000000,"muser":"giorgos.wilson196@example.com","uuid":"4f94ab20-9ba5-455a-a75a-54d66fab4fbb","checksum":"498b487999d61b1a03fa35c62d295f9e","cluster":0},
{"serial":310,"node":1462,"hash":"93d343877f825c6da247fb90c42b639f8919310c4ac9972d9bd99d4a63a4c372","size":435159040,"type":"application/octet-stream","source":null,"mtime":1357017000.000000,"muser":"anna.papas245@mail.example.net","uuid":"64ab5ec6-7593-4f1b-aa90-c51a44bd745d","checksum":"4e2281331b18913e92c9e51fa45e8d5f","cluster":0},
{"serial":377,"node":1529,"hash":"e3e3ec6792c5bede5c37eb94b3a01e2db9b3bbce882bb943014fa2a9dd6cd858","size":255852544,"type":"application/octet-stream","source":null,"mtime":1357021020.000000,"muser":"mary.nikolaou294@example.com","uuid":"d33604cc-af91-4769-a80d-cedb4866f8bf","checksum":"47980a64d1c2f6105aa7eecaad668d3a","cluster":0},
{"serial":439,"node":1591,"hash":"806b2bb6351931ffe3004ce27a19abc50b6fe1500a12feaa9be6404b13dd39bc","size":176160768,"type":"application/octet-stream","source":null,"mtime":1357024740.000000,"muser":"irene.ioannou343@uni.example.edu","uuid":"476108e9-9a90-4ef9-a423-c24afd7efa8e","checksum":"c3aa3e2756dee4fea822d14129bfa0f3","cluster":0},
{"serial":495,"node":1647,"hash":"d799c5d7e36fdd222ba7c2d6e659edea8738e813269522ce214f408ee77cd7f0","size":9437184,"type":"application/octet-stream","source":null,"mtime":1357028100.000000,"muser":"kostas.karras392@uni.example.edu","uuid":"7fa14921-b2ab-4585-a910-4465a9638eaa","checksum":"0bc1af8e7ac2bb4597d2214ac24edd58","cluster":0},
{"serial":559,"node":1711,"hash":"d31774831f434df805b54fefeb126f7754186a5dcbb1372a34e1d8627b86d627","size":11534336,"type":"application/octet-stream","source":null,"mtime":1357031940.000000,"muser":"helen.young441@mail.example.net","uuid":"72ca2527-4a48-46b7-ad67-b86667070dd0","checksum":"a9128aa3a4a842ce4f8a8ac0d3c25283","cluster":0},
{"serial":611,"node":1763,"hash":"e1df4d04d59e40c93230534b62ed10e20f331e08e1659c660e9a2cc4c8672030","size":81788928,"type":"application/octet-stream","source":null,"mtime":1357035060.000000,"muser":"sofia.wilson490@example.com","uuid":"81754435-c7d7-47ab-a8cd-50b021dbd111","checksum":"416e615c3f1111ceb00b852648598bd6","cluster":0}
]') AS r WHERE t."serial" = r."serial";
-- 2 rows inserted into statistics: remove them
DELETE FROM statistics AS t USING json_populate_recordset(NULL::statistics, '[
{"node":186,"population":1,"size":9437184,"mtime":1357021140.000000,"cluster":1},
{"node":152,"population":1,"size":134742016,"mtime":1357021080.000000,"cluster":1}
]') AS r WHERE t."node" = r."node" AND t."cluster" = r."cluster";
-- 11 rows of statistics rewritten: set them back
UPDATE statistics AS t SET "population" = r."population", "size" = r."size", "mtime" = r."mtime" FROM json_populate_recordset(NULL::statistics, '[
{"node":40,"population":2,"size":583008256,"mtime":1357000800.000000,"cluster":0},
{"node":77,"population":3,"size":1411383296,"mtime":1357003020.000000,"cluster":0},
{"node":114,"population":1,"size":239075328,"mtime":1357005240.000000,"cluster":0},
{"node":152,"population":3,"size":983564288,"mtime":1357007520.000000,"cluster":0},
{"node":186,"population":3,"size":1022361600,"mtime":1357009560.000000,"cluster":0},
{"node":226,"population":3,"size":833617920,"mtime":1357011960.000000,"cluster":0},
{"node":226,"population":1,"size":55574528,"mtime":1357011960.000000,"cluster":1},
{"node":262,"population":2,"size":350224384,"mtime":1357014120.000000,"cluster":0},
{"node":301,"population":3,"size":448790528,"mtime":1357016460.000000,"cluster":0},
{"node":339,"population":1,"size":11534336,"mtime":1357018740.000000,"cluster":0},
{"node":374,"population":1,"size":81788928,"mtime":1357020840.000000,"cluster":0}
]') AS r WHERE t."node" = r."node" AND t."cluster" = r."cluster";
-- 2 rows inserted into statistics: remove them
DELETE FROM statistics AS t USING json_populate_recordset(NULL::statistics, '[
{"node":687,"population":1,"size":134742016,"mtime":1357021080.000000,"cluster":1},
{"node":755,"population":1,"size":9437184,"mtime":1357021140.000000,"cluster":1}
]') AS r WHERE t."node" = r."node" AND t."cluster" = r."cluster";
-- 21 rows of statistics rewritten: set them back
UPDATE statistics AS t SET "population" = r."population", "size" = r."size", "mtime" = r."mtime" FROM json_populate_recordset(NULL::statistics, '[
{"node":463,"population":2,"size":583008256,"mtime":1357000800.000000,"cluster":0},
{"node":464,"population":0,"size":0,"mtime":1357000800.000000,"cluster":0},
{"node":537,"population":3,"size":1411383296,"mtime":1357003020.000000,"cluster":0},
{"node":538,"population":0,"size":0,"mtime":1357003020.000000,"cluster":0},
{"node":611,"population":1,"size":239075328,"mtime":1357005240.000000,"cluster":0},
{"node":612,"population":0,"size":0,"mtime":1357005240.000000,"cluster":0},
{"node":687,"population":3,"size":983564288,"mtime":1357007520.000000,"cluster":0},
{"node":688,"population":0,"size":0,"mtime":1357007520.000000,"cluster":0},
{"node":755,"population":3,"size":1022361600,"mtime":1357009560.000000,"cluster":0},
{"node":756,"population":0,"size":0,"mtime":1357009560.000000,"cluster":0},
{"node":835,"population":3,"size":833617920,"mtime":1357011960.000000,"cluster":0},
{"node":835,"population":1,"size":55574528,"mtime":1357011960.000000,"cluster":1},
{"node":836,"population":0,"size":0,"mtime":1357011960.000000,"cluster":0},
{"node":907,"population":2,"size":350224384,"mtime":1357014120.000000,"cluster":0},
{"node":908,"population":0,"size":0,"mtime":1357014120.000000,"cluster":0},
{"node":985,"population":3,"size":448790528,"mtime":1357016460.000000,"cluster":0},
{"node":986,"population":0,"size":0,"mtime":1357016460.000000,"cluster":0},
{"node":1061,"population":1,"size":11534336,"mtime":1357018740.000000,"cluster":0},
{"node":1062,"population":0,"size":0,"mtime":1357018740.000000,"cluster":0},
{"node":1131,"population":1,"size":81788928,"mtime":1357020840.000000,"cluster":0},
{"node":1132,"population":0,"size":0,"mtime":1357020840.000000,"cluster":0}
]') AS r WHERE t."node" = r."node" AND t."cluster" = r."cluster";
COMMIT;
