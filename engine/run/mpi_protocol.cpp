#include "run/mpi_protocol.h"

namespace finsim::mpi {

void send(int to, Tag tag, std::string_view bytes) {
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, to, tag, MPI_COMM_WORLD);
}

std::optional<Message> poll(int from) {
  int flag = 0;
  MPI_Status status;
  MPI_Iprobe(from, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
  if (!flag) return std::nullopt;
  int n = 0;
  MPI_Get_count(&status, MPI_BYTE, &n);
  Message m{status.MPI_SOURCE, status.MPI_TAG, std::string(static_cast<std::size_t>(n), '\0')};
  MPI_Recv(m.bytes.data(), n, MPI_BYTE, m.from, m.tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return m;
}

void pause() { std::this_thread::sleep_for(std::chrono::microseconds(500)); }

bool launched_by_mpi() {
  for (const char* name : kRankVariables)
    if (std::getenv(name)) return true;
  return false;
}

std::string error_message(bool input, const std::string& what) { return (input ? "2" : "1") + what; }

RemoteError read_error_message(std::string_view bytes) {
  if (bytes.empty()) return {};
  return {bytes.front() == '2', std::string(bytes.substr(1))};
}

Message wait_from_root() {
  for (;;) {
    if (auto m = poll(0)) return *m;
    pause();
  }
}

}  // namespace finsim::mpi
