/// Defines a test that gets a fresh [`crate::util::TestDir`] and a `custos` command.
macro_rules! custos_test {
    ($name:ident, |$dir:ident, $cmd:ident| $body:block) => {
        #[test]
        fn $name() {
            let $dir = crate::util::TestDir::new(stringify!($name));
            #[allow(unused_mut)]
            let mut $cmd = $dir.command();
            $body
        }
    };
}
