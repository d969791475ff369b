# The errors of a PGXN distribution meta document (META.json) against the
# PGXN Meta Spec 1.0.0, one string each; an empty array when it is valid.
# Written from the spec's text (required and optional keys, their types, the
# Term, Tag, Version, Version Range, License and URI formats); the suite has
# no network and no JSON schema tool, so this is the schema.

def is_string: type == "string";
def is_nonempty_string: is_string and length > 0;
def is_object: type == "object";

# Term: at least two characters; no slash, backslash, control or space.
def is_term: is_string and length >= 2 and (test("[/\\\\\\s[:cntrl:]]") | not);
# Tag: one to 255 characters; no slash, backslash or control character.
def is_tag: is_string and length >= 1 and length <= 255 and (test("[/\\\\[:cntrl:]]") | not);
# Semantic Versioning 1.0.0, as the spec requires.
def is_version: is_string and test("^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)([A-Za-z][0-9A-Za-z-]*)?$");
# A version range: 0, a version, or clauses "op version" joined by commas.
def is_version_range:
	(. == 0) or (is_string and
		(split(",") | length > 0 and
			all(.[]; sub("^\\s+"; "") | sub("\\s+$"; "") |
				(. == "0") or test("^(==|!=|>=|<=|>|<)?\\s*(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)([A-Za-z][0-9A-Za-z-]*)?$"))));
def is_uri: is_string and test("^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$");
def licenses: ["agpl_3", "apache_1_1", "apache_2_0", "artistic_1", "artistic_2", "bsd", "freebsd",
	"gfdl_1_2", "gfdl_1_3", "gpl_1", "gpl_2", "gpl_3", "lgpl_2_1", "lgpl_3_0", "mit", "mozilla_1_0",
	"mozilla_1_1", "openssl", "perl_5", "postgresql", "qpl_1_0", "ssleay", "sun", "zlib",
	"open_source", "restricted", "unrestricted", "unknown"];
def is_license:
	(is_string and (. as $l | licenses | index($l)) != null)
	or (type == "array" and length > 0 and all(.[]; is_string and (. as $l | licenses | index($l)) != null))
	or (is_object and length > 0 and all(to_entries[]; (.key | is_nonempty_string) and (.value | is_uri)));
# Custom keys start with x_ or X_.
def is_custom: test("^[xX]_");

# err(condition; message): the message when the condition is false
def err(cond; msg): if cond then empty else msg end;

def check_keys(path; allowed):
	keys[] | select((. as $k | allowed | index($k)) == null and (is_custom | not))
	| "\(path): unknown key \"\(.)\"";

def check_provides:
	if (.provides | is_object and length > 0) | not then "provides: an object naming at least one extension"
	else .provides | to_entries[] |
		(err(.key | is_term; "provides: \"\(.key)\" is not a Term"),
		 if (.value | is_object) | not then "provides.\(.key): not an object"
		 else .key as $k | .value |
			(err(.file | is_nonempty_string; "provides.\($k).file: missing or not a string"),
			 err(.version | is_version; "provides.\($k).version: missing or not a semantic version"),
			 err((has("abstract") | not) or (.abstract | is_nonempty_string); "provides.\($k).abstract: not a string"),
			 err((has("docfile") | not) or (.docfile | is_nonempty_string); "provides.\($k).docfile: not a string"),
			 check_keys("provides.\($k)"; ["file", "version", "abstract", "docfile"]))
		 end)
	end;

def check_prereqs:
	if has("prereqs") | not then empty
	elif (.prereqs | is_object) | not then "prereqs: not an object"
	else .prereqs |
		(check_keys("prereqs"; ["configure", "build", "test", "runtime", "develop"]),
		 (to_entries[] | .key as $phase |
			if (.value | is_object) | not then "prereqs.\($phase): not an object"
			else .value |
				(check_keys("prereqs.\($phase)"; ["requires", "recommends", "suggests", "conflicts"]),
				 (to_entries[] | .key as $rel |
					if (.value | is_object) | not then "prereqs.\($phase).\($rel): not an object"
					else .value | to_entries[] |
						(err(.key | is_term; "prereqs.\($phase).\($rel): \"\(.key)\" is not a Term"),
						 err(.value | is_version_range; "prereqs.\($phase).\($rel).\(.key): not a version range"))
					end))
			end))
	end;

def check_resources:
	if has("resources") | not then empty
	elif (.resources | is_object) | not then "resources: not an object"
	else .resources |
		(check_keys("resources"; ["homepage", "bugtracker", "repository"]),
		 err((has("homepage") | not) or (.homepage | is_uri); "resources.homepage: not a URI"),
		 (if has("bugtracker") then .bugtracker |
			if is_object | not then "resources.bugtracker: not an object" else
				(check_keys("resources.bugtracker"; ["web", "mailto"]),
				 err((has("web") | not) or (.web | is_uri); "resources.bugtracker.web: not a URI"),
				 err((has("mailto") | not) or (.mailto | is_string and test("^[^@\\s]+@[^@\\s]+$"));
					"resources.bugtracker.mailto: not an email address"))
			end else empty end),
		 (if has("repository") then .repository |
			if is_object | not then "resources.repository: not an object" else
				(check_keys("resources.repository"; ["url", "web", "type"]),
				 err((has("url") | not) or (.url | is_uri); "resources.repository.url: not a URI"),
				 err((has("web") | not) or (.web | is_uri); "resources.repository.web: not a URI"),
				 err((has("type") | not) or (.type | is_string and test("^[a-z]+$"));
					"resources.repository.type: not a lower-case word"))
			end else empty end))
	end;

def check_meta:
	if is_object | not then "the document is not a JSON object" else
	(err(.name | is_term; "name: missing or not a Term"),
	 err(.abstract | is_nonempty_string; "abstract: missing or not a string"),
	 err(.version | is_version; "version: missing or not a semantic version (x.y.z)"),
	 err(.maintainer | is_nonempty_string or (type == "array" and length > 0 and all(.[]; is_nonempty_string));
		"maintainer: missing, or not a string or list of strings"),
	 err(.license | is_license; "license: missing or not a known license key, list of them or {name: URI}"),
	 err(.["meta-spec"] | is_object and .version == "1.0.0";
		"meta-spec: missing, or its version is not \"1.0.0\""),
	 err((.["meta-spec"] | is_object | not) or (.["meta-spec"] | has("url") | not) or (.["meta-spec"].url | is_uri);
		"meta-spec.url: not a URI"),
	 check_provides,
	 check_prereqs,
	 check_resources,
	 err((has("description") | not) or (.description | is_nonempty_string); "description: not a string"),
	 err((has("generated_by") | not) or (.generated_by | is_nonempty_string); "generated_by: not a string"),
	 err((has("release_status") | not) or (.release_status | IN("stable", "testing", "unstable"));
		"release_status: not stable, testing or unstable"),
	 err((has("tags") | not) or (.tags | type == "array" and length > 0 and all(.[]; is_tag));
		"tags: not a list of Tags"),
	 err((has("no_index") | not) or (.no_index | is_object); "no_index: not an object"),
	 check_keys("top level"; ["name", "abstract", "description", "version", "maintainer", "license",
		"provides", "prereqs", "resources", "release_status", "generated_by", "tags", "no_index",
		"meta-spec"]))
	end;

[check_meta]
