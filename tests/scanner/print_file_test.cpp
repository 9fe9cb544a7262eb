// Labels and receipts are written whole or not at all.
#include <sys/stat.h>

#include "print_tools.hpp"
#include "scanner/print_file.hpp"

namespace kiosk::test {
namespace {

std::vector<std::string> filesIn(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(PrintFileTest, WritesTheWholeFileReadableByOthersAndLeavesNoTemporaryFile) {
  TestFolder dir;
  const std::string bytes(300000, 'x');
  ASSERT_TRUE(writeFileAtomically(dir / "label.png", bytes));
  EXPECT_EQ(readFile(dir / "label.png"), bytes);
  EXPECT_EQ(filesIn(dir.path()), std::vector<std::string>{"label.png"});
  struct stat info{};
  ASSERT_EQ(::stat((dir / "label.png").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0644u);
}

TEST(PrintFileTest, ReplacesAnOldFileInOneStep) {
  TestFolder dir;
  writeFile(dir / "receipt.pdf", "old");
  ASSERT_TRUE(writeFileAtomically(dir / "receipt.pdf", "new receipt"));
  EXPECT_EQ(readFile(dir / "receipt.pdf"), "new receipt");
  EXPECT_EQ(filesIn(dir.path()), std::vector<std::string>{"receipt.pdf"});
}

TEST(PrintFileTest, AnUnwritablePathIsBadInputOnOutAndWritesNothing) {
  TestFolder dir;
  writeFile(dir / "plain-file", "x");
  std::filesystem::create_directories(dir / "folder");
  for (const auto& path : {dir / "missing" / "label.png", dir / "plain-file" / "label.png", dir / "folder"}) {
    const auto written = writeFileAtomically(path, "bytes");
    ASSERT_FALSE(written) << path;
    EXPECT_EQ(written.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(written.error().field, "out");
    EXPECT_NE(written.error().message.find(path.string()), std::string::npos) << written.error().message;
  }
  EXPECT_EQ(filesIn(dir.path()), (std::vector<std::string>{"folder", "plain-file"}));
  EXPECT_TRUE(std::filesystem::is_empty(dir / "folder"));
  EXPECT_FALSE(writeFileAtomically("", "bytes"));
}

}  // namespace
}  // namespace kiosk::test
