"""Extraction as an Apache Spark job: articles in, `newsclaims extract --per-article` out.

    spark-submit --files target/release/newsclaims scale/spark_extract.py OUTPUT INPUT...
    python3 scale/spark_extract.py --master 'local[2]' --binary target/release/newsclaims OUTPUT INPUT...

Each INPUT is a path, directory or glob that Spark reads (local, HDFS, S3). A path ending in
`.jsonl` or `.ndjson` (`.gz` too) is read line by line, split across tasks; anything else is
read as whole files (text, HTML, JSON, feeds), one article file a record: a local path is
walked here and each file read by newsclaims on the executor (so it must be on a file system
every executor mounts); a remote one is read by Spark. The `newsclaims`
binary, shipped to the executors with `--files` (or `--binary`, which ships it), runs
`extract --per-article --framed` once per partition. OUTPUT receives gzip JSON Lines: one record
per article, and one per input that gave none (`"record":"error"`), which
`newsclaims ingest --extracted OUTPUT` loads and reports as a plain ingest would. See
scale/README.md.
"""

import argparse
import base64
import json
import os
import subprocess
import sys
import threading
from urllib.parse import urlparse

from pyspark import SparkConf, SparkContext, SparkFiles

JSON_LINES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
GZIP = "org.apache.hadoop.io.compress.GzipCodec"
# Status of an extract run that stored its failures as error records; anything else (a crash,
# a signal) fails the task, so that Spark runs it again rather than lose its articles.
EXTRACT_OK = (0, 1)


def local_origin(path):
    """The origin a plain ingest gives a file: its canonical path where it is local."""
    parsed = urlparse(path)
    if parsed.scheme == "file":
        return os.path.realpath(parsed.path)
    return path


def file_frame(origin_and_bytes):
    origin, data = origin_and_bytes
    return json.dumps({"origin": origin, "base64": base64.b64encode(data).decode("ascii")})


def line_frame(origin, number, data):
    """Line `number` of a JSON Lines file: as text where it is UTF-8, else as its bytes, which
    newsclaims decodes as it would in the file."""
    try:
        return json.dumps({"origin": origin, "line": number, "text": data.decode("utf-8")})
    except UnicodeDecodeError:
        encoded = base64.b64encode(data).decode("ascii")
        return json.dumps({"origin": origin, "line": number, "base64": encoded})


def extract_partition(binary, threads):
    """Runs `newsclaims extract` over one partition's frames, yielding its output lines."""

    def run(frames):
        path = SparkFiles.get(binary)
        if not os.access(path, os.X_OK):
            os.chmod(path, 0o755)
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        proc = subprocess.Popen(
            [path, "extract", "--per-article", "--framed"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        failure = []

        def feed():
            try:
                for frame in frames:
                    proc.stdin.write(frame.encode("utf-8"))
                    proc.stdin.write(b"\n")
            except BaseException as error:  # re-raised below, in the task's own thread
                failure.append(error)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        for line in proc.stdout:
            yield line.rstrip(b"\n").decode("utf-8")
        feeder.join()
        status = proc.wait()
        if failure:
            raise failure[0]
        if status not in EXTRACT_OK:
            raise RuntimeError(f"newsclaims extract stopped with status {status}")

    return run


def hadoop_glob(sc, pattern):
    """The files a glob names, sorted: a JSON Lines input is numbered file by file."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(pattern)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    statuses = fs.globStatus(path) or []
    files = sorted(str(s.getPath().toString()) for s in statuses if s.isFile())
    if not files:
        raise SystemExit(f"spark_extract: no such JSON Lines file: {pattern}")
    return files


def local_path(source):
    """The local path an INPUT names, or None for a path on another file system."""
    parsed = urlparse(source)
    if parsed.scheme == "file":
        return parsed.path
    return None if parsed.scheme else source


def walk(path):
    """The files under a local path in the order `newsclaims ingest` walks them: each
    directory's files by name, then its subdirectories by name, depth first."""
    if not os.path.isdir(path):
        yield os.path.realpath(path)
        return
    entries = sorted(os.listdir(path))
    subdirs = []
    for name in entries:
        if name.startswith("."):
            continue
        full = os.path.join(path, name)
        if os.path.isdir(full):
            subdirs.append(full)
        else:
            yield os.path.realpath(full)
    for subdir in subdirs:
        yield from walk(subdir)


def frames_of(sc, source, partitions, ordered):
    """The frames of one INPUT, in the order a plain ingest reads it."""
    if source.lower().endswith(JSON_LINES):
        numbered = []
        for path in hadoop_glob(sc, source):
            origin = local_origin(path)
            lines = sc.textFile(path, minPartitions=partitions, use_unicode=False).zipWithIndex()
            numbered.append(
                lines.filter(lambda pair: pair[0].strip())
                .map(lambda pair, origin=origin: line_frame(origin, pair[1] + 1, pair[0]))
            )
        return sc.union(numbered)
    local = local_path(source)
    if local is not None:
        # Local files (or a file system every executor mounts) are listed here and read by
        # newsclaims itself: Hadoop's local file system, without its native library, starts a
        # process per file it lists or opens (10 ms each).
        paths = list(walk(local))
        if not paths:
            raise SystemExit(f"spark_extract: no files in {source}")
        return sc.parallelize(paths, min(partitions, len(paths))).map(
            lambda path: json.dumps({"origin": path})
        )
    files = sc.binaryFiles(source, minPartitions=partitions).map(
        lambda pair: (local_origin(pair[0]), pair[1])
    )
    if ordered:
        # Which of two copies of an article is kept as the article depends on which comes
        # first: path order, as a plain ingest walks a directory.
        files = files.sortByKey(numPartitions=partitions)
    return files.map(file_frame)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="directory to write (gzip JSON Lines part files)")
    parser.add_argument("inputs", nargs="+", help="paths, directories or globs Spark reads")
    parser.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[2]")
    parser.add_argument(
        "--binary",
        help="the newsclaims binary to ship to the executors (default: the one given to "
        "spark-submit --files, named newsclaims)",
    )
    parser.add_argument(
        "--partitions",
        type=int,
        help="partitions per input (default: 4 per core), each one newsclaims process",
    )
    parser.add_argument(
        "--unordered",
        action="store_true",
        help="skip sorting remote whole files by path (a shuffle); which copy of a duplicate "
        "article is kept then depends on the listing order",
    )
    args = parser.parse_args()

    conf = SparkConf().setAppName("newsclaims extract")
    if args.master:
        conf.setMaster(args.master)
    # Directories are read with their subdirectories, as `newsclaims ingest DIR` reads them.
    conf.set("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
    # Partitions of whole files hold up to 8 MB of them (Spark's default is 128 MB, which put
    # all of a set of small articles in one task).
    conf.setIfMissing("spark.files.maxPartitionBytes", str(8 << 20))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    binary = "newsclaims"
    if args.binary:
        sc.addFile(args.binary)
        binary = os.path.basename(args.binary)
    partitions = args.partitions or 4 * sc.defaultParallelism
    threads = int(sc.getConf().get("spark.task.cpus", "1"))

    frames = sc.union([frames_of(sc, i, partitions, not args.unordered) for i in args.inputs])
    errors = sc.accumulator(0)
    articles = sc.accumulator(0)

    def count(line):
        if line.startswith('{"record":"error"'):
            errors.add(1)
        else:
            articles.add(1)
        return line

    records = frames.mapPartitions(extract_partition(binary, threads)).map(count)
    records.saveAsTextFile(args.output, compressionCodecClass=GZIP)
    print(
        f"spark_extract: {articles.value} articles, {errors.value} inputs that gave none "
        f"(their reasons are error records in {args.output})",
        file=sys.stderr,
    )
    sc.stop()


if __name__ == "__main__":
    main()
