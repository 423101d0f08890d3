fn main() {
    rebound::start();
}
