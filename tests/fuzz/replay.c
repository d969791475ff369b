/*
 * replay.c
 *		Run a fuzz target over corpus files without libFuzzer, so CI covers
 *		the corpus on every commit.
 *
 * Usage: replay_<target> DIR_OR_FILE...   (prints "N inputs replayed")
 */
#include <dirent.h>
#include <sys/stat.h>

#include "fuzz_common.h"

/* Feed one file to the target. */
static int
replay_file(const char *path)
{
	size_t		len;
	char	   *data = fz_slurp(path, &len);

	if (data == NULL)
		return 0;
	LLVMFuzzerTestOneInput((const uint8_t *) data, len);
	free(data);
	return 1;
}

int
main(int argc, char **argv)
{
	int			n = 0;

	for (int i = 1; i < argc; i++)
	{
		struct stat st;
		DIR		   *dir;
		struct dirent *de;

		if (stat(argv[i], &st) != 0)
			continue;
		if (!S_ISDIR(st.st_mode))
		{
			n += replay_file(argv[i]);
			continue;
		}
		dir = opendir(argv[i]);
		while (dir != NULL && (de = readdir(dir)) != NULL)
		{
			char		path[4096];

			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", argv[i], de->d_name);
			n += replay_file(path);
		}
		if (dir != NULL)
			closedir(dir);
	}
	printf("%d inputs replayed\n", n);
	return n > 0 ? 0 : 1;
}
