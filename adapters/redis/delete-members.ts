/**
 * KEYS: a set of key names. Deletes the keys still there (expired ones are gone and not counted),
 * then the set; returns how many went. The index sets by account (oidc records, invitations) use it.
 */
export const deleteMembersScript = `
local removed = 0
for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do removed = removed + redis.call('DEL', key) end
redis.call('DEL', KEYS[1])
return removed`;
